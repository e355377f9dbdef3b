import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseQueueFilters, queueFiltersToParams, type QueueFilters } from '@shared/domain/ticket-queue';

/** The queue's filters live in the URL: reload, back/forward and shared links keep the view. */
export function useQueueFilters(): [QueueFilters, (patch: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseQueueFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<QueueFilters>) => setParams(queueFiltersToParams({ ...filters, ...patch }), { replace: true }),
    [filters, setParams],
  );
  return [filters, update];
}
