import { useMemo } from 'react';
import { sortBySlaUrgency } from '@shared/domain/ticket-queue';
import type { Asset } from '@shared/schemas/asset';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';
import { useLiveQuery } from '../../db/hooks';
import { useCollection } from '../../db/useCollection';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { useDeskReference } from '../dispatch/useDeskReference';
import type { DayWindow } from './board-day';
import { boardDay$, needsSlot$, type NeedsSlot } from './board-query';

/** New tickets listed beside the board at most (the queue has them all). */
export const NEW_TICKETS_SHOWN = 10;

export type BoardData = {
  /** Undefined while the day's first result loads. */
  jobs: WorkOrder[] | undefined;
  /** Active engineers, by name: the board's rows. */
  engineers: User[];
  /** Every engineer on the device, active or not, by id (names of a job's engineer). */
  people: ReadonlyMap<string, User>;
  needsSlot: NeedsSlot | undefined;
  newTickets: Ticket[];
  newTicketCount: number;
  sites: ReadonlyMap<string, Site>;
  assets: ReadonlyMap<string, Asset>;
  tickets: ReadonlyMap<string, Ticket>;
};

/**
 * Everything the board shows, live from the local database: the day's jobs (index ranges, not every
 * work order), active engineers as rows, what needs a slot, and the documents the blocks name.
 * `minute`: the current minute, so "slot passed" moves on with the clock without a query per second.
 */
export function useBoardData(window: DayWindow, minute: number): BoardData {
  const reference = useDeskReference();
  const jobs = useLiveQuery((db) => boardDay$(db.workOrders, window), [window.start, window.end], undefined);
  const unavailable = useMemo(() => reference.users.filter((user) => !user.active).map((user) => user.id), [reference.users]);
  const unavailableKey = unavailable.join(',');
  const needsSlot = useLiveQuery((db) => needsSlot$(db.workOrders, minute, unavailable), [minute, unavailableKey], undefined);
  // The status index holds them: a new ticket has no engineer yet, so no work order from this desk.
  const fresh = useCollection('tickets', { status: 'new' });
  const newTickets = useMemo(() => sortBySlaUrgency(fresh ?? [], new Date(minute)), [fresh, minute]);
  const listed = [...(jobs ?? []), ...(needsSlot?.missed ?? []), ...(needsSlot?.orphaned ?? [])];
  const assets = useDocumentsByIds('assets', listed.map((wo) => wo.assetId));
  const tickets = useDocumentsByIds('tickets', listed.map((wo) => wo.ticketId));
  const sites = useMemo(() => new Map(reference.sites.map((site) => [site.id, site])), [reference.sites]);
  const people = useMemo(() => new Map(reference.users.map((user) => [user.id, user])), [reference.users]);
  return {
    jobs,
    engineers: reference.engineers,
    people,
    needsSlot,
    newTickets: newTickets.slice(0, NEW_TICKETS_SHOWN),
    newTicketCount: newTickets.length,
    sites,
    assets,
    tickets,
  };
}
