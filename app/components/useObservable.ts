import { useEffect, useState, type DependencyList } from 'react';
import type { Observable } from 'rxjs';

/**
 * Subscribe a component to an observable; re-subscribes when `deps` change. Kept apart from the
 * database hooks: the first route (update prompt) uses it and must not pull in the database layer.
 */
export function useObservable<T>(factory: () => Observable<T>, deps: DependencyList, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = factory().subscribe({ next: setValue, error: (error: unknown) => console.error('query failed', error) });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
