import type { Notification } from '@shared/schemas/misc';
import { formatSiteTime } from '../../components/format';

const TARGET_WORDS = { response: 'Response', resolution: 'Resolution' } as const;

/**
 * The due time an SLA notice is about, worded as the app words every time (components/format.ts):
 * the reader's locale, the site's clock, the site named when it is not the reader's. A warning's
 * time is still ahead ("due"); a breach's or an escalation's has passed ("was due"). Undefined for
 * notices without one (older notices carry it in their body text).
 */
export function describeNoticeDue(note: Pick<Notification, 'kind' | 'due'>, readerZone?: string): string | undefined {
  if (!note.due) return undefined;
  const passed = note.kind === 'sla_breached' || note.kind === 'escalated';
  const when = formatSiteTime(note.due.at, note.due.timeZone, { withDay: true, ...(readerZone ? { readerZone } : {}) });
  return `${TARGET_WORDS[note.due.target]} ${passed ? 'was due' : 'due'} ${when}`;
}
