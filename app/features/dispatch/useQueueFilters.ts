import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { parseQueueFilters, queueFiltersToParams, type QueueFilters } from '@shared/domain/ticket-queue';

/** The queue's filters live in the URL: reload, back/forward and shared links keep the view. */
export function useQueueFilters(): [QueueFilters, (patch: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseQueueFilters(params), [params]);
  // The URL updates through an asynchronous navigation: two quick changes (type, then pick a site)
  // must build on each other, not on the filters of the last render.
  const latest = useRef(filters);
  useEffect(() => {
    latest.current = filters;
  }, [filters]);
  const update = useCallback(
    (patch: Partial<QueueFilters>) => {
      latest.current = { ...latest.current, ...patch };
      setParams(queueFiltersToParams(latest.current), { replace: true });
    },
    [setParams],
  );
  return [filters, update];
}
