import { useMemo } from 'react';
import { useCollection } from '../../db/useCollection';

/** Sites, engineers and categories, sorted by name: what the desk's filters and pickers list. */
export function useDeskReference() {
  const sites = useCollection('sites');
  const engineers = useCollection('users', { role: 'engineer' });
  const categories = useCollection('categories');
  return useMemo(
    () => ({
      sites: [...(sites ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
      engineers: [...(engineers ?? [])].filter((user) => user.active).sort((a, b) => a.fullName.localeCompare(b.fullName)),
      categories: [...(categories ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
      users: engineers ?? [],
    }),
    [sites, engineers, categories],
  );
}
