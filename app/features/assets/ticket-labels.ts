import type { Asset } from '@shared/schemas/asset';

/** Words for stored values on the asset screens (ticket statuses share the desk's words). */
export { TICKET_STATUS_LABELS } from '../tickets/ticket-labels';

export const ASSET_STATUS_LABELS: Record<Asset['status'], string> = {
  operational: 'Operational',
  degraded: 'Degraded',
  down: 'Down',
  retired: 'Retired',
};
