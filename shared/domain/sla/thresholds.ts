import type { TicketSla, TicketStatus } from '../../schemas/ticket';
import { addBusinessMs, type BusinessCalendar } from './calendar';
import { clockStopMs, SLA_TARGETS, type SlaTarget } from './targets';

export const MINUTE_MS = 60_000;
/** Level 2 escalation: a day of wall-clock time after a breach that is still open. */
export const ESCALATION_2_AFTER_MS = 24 * 60 * MINUTE_MS;

export const THRESHOLD_KINDS = ['warn50', 'warn75', 'breach', 'escalate2'] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];
export type ThresholdKey = `${SlaTarget}.${ThresholdKind}`;

/** A moment the checker acts on: a warning, the breach (escalation level 1) or escalation level 2. */
export type Threshold = { key: ThresholdKey; target: SlaTarget; kind: ThresholdKind; atMs: number; escalationLevel: 0 | 1 | 2 };

export type SlaTargets = { responseMinutes: number; resolutionMinutes: number };

const WARN_FRACTIONS: Record<'warn50' | 'warn75', number> = { warn50: 0.5, warn75: 0.75 };

/**
 * Every threshold of a ticket as its SLA fields stand, whether or not it has been acted on.
 * Warnings fall at a share of the target in business time (after the time paused); the breach is
 * the due time; level 2 is a wall-clock day after the due time.
 */
export function allThresholds(calendar: BusinessCalendar, targets: SlaTargets, createdAt: string, sla: Pick<TicketSla, 'responseDueAt' | 'resolutionDueAt' | 'pausedMs'>): Threshold[] {
  const createdMs = Date.parse(createdAt);
  const list: Threshold[] = [];
  for (const target of SLA_TARGETS) {
    const targetMs = (target === 'response' ? targets.responseMinutes : targets.resolutionMinutes) * MINUTE_MS;
    // Only the resolution clock is ever paused: a ticket goes on hold only after someone responded.
    const pausedMs = target === 'resolution' ? sla.pausedMs : 0;
    const dueMs = Date.parse(target === 'response' ? sla.responseDueAt : sla.resolutionDueAt);
    for (const kind of ['warn50', 'warn75'] as const) {
      const atMs = addBusinessMs(calendar, createdMs, Math.round(targetMs * WARN_FRACTIONS[kind]) + pausedMs);
      list.push({ key: `${target}.${kind}`, target, kind, atMs, escalationLevel: 0 });
    }
    list.push({ key: `${target}.breach`, target, kind: 'breach', atMs: dueMs, escalationLevel: 1 });
    list.push({ key: `${target}.escalate2`, target, kind: 'escalate2', atMs: dueMs + ESCALATION_2_AFTER_MS, escalationLevel: 2 });
  }
  return list;
}

/** Thresholds that happen (or happened) while their clock runs, in time order. */
export function liveThresholds(all: readonly Threshold[], status: TicketStatus, sla: Pick<TicketSla, 'respondedAt' | 'resolvedAt'>, statusChangedAt: string | undefined): Threshold[] {
  return all
    .filter((threshold) => {
      const stop = clockStopMs(threshold.target, status, sla, statusChangedAt);
      return stop === undefined || threshold.atMs <= stop;
    })
    .sort((a, b) => a.atMs - b.atMs);
}

/** The next threshold not yet acted on (by the checker), as the indexed `sla.nextThresholdAt`. */
export function nextPending(live: readonly Threshold[], crossed: readonly string[]): Threshold | undefined {
  return live.find((threshold) => !crossed.includes(threshold.key));
}

/** ok / warning / breached at `nowMs`, judged only by thresholds that happened while the clocks ran. */
export function stateAt(live: readonly Threshold[], nowMs: number, met: { response: boolean; resolution: boolean }): TicketSla['state'] {
  const happened = live.filter((threshold) => threshold.atMs <= nowMs);
  if (happened.some((threshold) => threshold.kind === 'breach' || threshold.kind === 'escalate2')) return 'breached';
  // A target already met is no longer a worry, whatever share of it was used.
  if (happened.some((threshold) => threshold.kind.startsWith('warn') && !met[threshold.target])) return 'warning';
  return 'ok';
}
