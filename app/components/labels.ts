import type { Priority, Role } from '@shared/schemas/common';
import type { TicketSla } from '@shared/schemas/ticket';
import type { WorkOrder, WorkOrderStatus } from '@shared/schemas/work-order';

type WorkOrderKind = WorkOrder['kind'];

/** Words shown for stored values: one place, so every screen says the same thing. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  dispatcher: 'Dispatcher',
  engineer: 'Field engineer',
  site_manager: 'Site manager',
};

export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = {
  scheduled: 'Scheduled',
  en_route: 'En route',
  on_site: 'On site',
  in_progress: 'In progress',
  on_hold: 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const PRIORITY_LABELS: Record<Priority, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export const SLA_STATE_LABELS: Record<TicketSla['state'], string> = { ok: 'SLA on track', warning: 'SLA at risk', breached: 'SLA breached' };

/** A number the server has not assigned yet (`WO-P-…`, `TCK-P-…`). */
export function isProvisionalNumber(number: string): boolean {
  return /^[A-Z]+-P-/.test(number);
}

/**
 * A number as people read it. A provisional one (made offline: `TCK-P-` and a 26-character id)
 * shows its last 6 characters, enough to tell the device's new tickets apart until the server's
 * `TCK-000123` replaces it.
 */
export function shownNumber(number: string): string {
  const provisional = /^([A-Z]+-P-)\S*?(\S{6})$/.exec(number);
  return provisional ? `${provisional[1]}${provisional[2]}` : number;
}

export const WORK_ORDER_KIND_LABELS: Record<WorkOrderKind, string> = {
  corrective: 'Corrective repair',
  preventive: 'Preventive maintenance',
  inspection: 'Inspection',
  installation: 'Installation',
};
