import Papa from 'papaparse';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';

/** The ticket list as CSV (papaparse quotes commas, quotes and line breaks in titles correctly). */
export function ticketsToCsv(tickets: readonly Ticket[], sites: ReadonlyMap<string, Site>, users: ReadonlyMap<string, User>): string {
  return Papa.unparse(
    tickets.map((ticket) => ({
      number: ticket.number,
      title: ticket.title,
      status: ticket.status,
      priority: ticket.priority,
      category: ticket.category,
      site: sites.get(ticket.siteId)?.code ?? ticket.siteId,
      assignee: ticket.assigneeId ? (users.get(ticket.assigneeId)?.username ?? ticket.assigneeId) : '',
      slaState: ticket.sla.state,
      responseDueAt: ticket.sla.responseDueAt,
      resolutionDueAt: ticket.sla.resolutionDueAt,
      createdAt: ticket.createdAt,
      resolvedAt: ticket.sla.resolvedAt ?? '',
      tags: ticket.tags.join(' '),
    })),
    { columns: ['number', 'title', 'status', 'priority', 'category', 'site', 'assignee', 'slaState', 'responseDueAt', 'resolutionDueAt', 'createdAt', 'resolvedAt', 'tags'] },
  );
}

/** Hands the CSV to the browser as a file download. */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
