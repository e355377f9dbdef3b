import type { Ticket } from '@shared/schemas/ticket';
import { slaBadgeClass } from './Badges';
import { slaBadgeWords } from './sla-text';
import { useNow } from './useNow';

/**
 * A ticket's SLA at a glance: the state in words, naming the target missed on a breach (colour
 * only repeats it), and while a clock runs the time on it: "Response late · fix due in 5 h 52 min",
 * "Fix overdue by 2 h 00 min". Ticks every 30 s; usable in any list.
 */
export function TicketSlaBadge({ ticket }: { ticket: Pick<Ticket, 'status' | 'sla' | 'statusChangedAt'> }) {
  const now = useNow(30_000);
  const words = slaBadgeWords(ticket, now);
  return (
    <span className={`${slaBadgeClass(words.state)} badge--sla-view-${words.state}`} data-testid="ticket-sla" data-sla={words.state} data-missed={words.missed.join(' ') || undefined}>
      {words.label}
      {words.overdue && ` ${words.overdue}`}
      {/* A no-break space: the badge is a flex box, which drops an ordinary space at the span's start. */}
      {words.detail && <span className="badge__detail">{`\u00a0· ${words.detail}`}</span>}
    </span>
  );
}
