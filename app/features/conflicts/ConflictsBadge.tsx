import { useLiveQuery } from '../../db/hooks';

/** How many conflict records wait for the user, live. */
export function useOpenConflictCount(): number {
  return useLiveQuery((db) => db.conflicts.count({ selector: { state: 'open' } }).$, [], 0);
}

/** The number of open conflict records, next to the "Conflicts" link; nothing when there are none. */
export function ConflictsBadge() {
  const count = useOpenConflictCount();
  if (count === 0) return null;
  return (
    <span className="nav-count" data-testid="conflicts-count">
      {count}
      <span className="visually-hidden"> open</span>
    </span>
  );
}
