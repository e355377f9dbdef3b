import { useLiveQuery } from '../../db/hooks';

/** The number of open conflict records, next to the "Conflicts" link; nothing when there are none. */
export function ConflictsBadge() {
  const count = useLiveQuery((db) => db.conflicts.count({ selector: { state: 'open' } }).$, [], 0);
  if (count === 0) return null;
  return (
    <span className="nav-count" data-testid="conflicts-count">
      {count}
      <span className="visually-hidden"> open</span>
    </span>
  );
}
