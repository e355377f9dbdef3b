import type { Ticket } from '@shared/schemas/ticket';
import type { AppDatabase } from '../../db/database';
import { toDomain } from '../../db/hooks';
import { saveDocument } from '../../db/writes';
import { InputError } from '../work-orders/work-order-actions';

/**
 * Applies `change` to the ticket as stored now (not a rendered copy, which may be stale) and saves
 * it. A change that returns the ticket it was given is no change: nothing is saved or pushed.
 */
export async function updateTicket(db: AppDatabase, id: string, change: (current: Ticket) => Ticket): Promise<Ticket> {
  const doc = await db.tickets.findOne(id).exec();
  if (!doc) throw new InputError('This ticket is no longer on this device.', 'ticket');
  const current = toDomain<Ticket>(doc.toJSON());
  const next = change(current);
  return next === current ? current : saveDocument(db, 'tickets', next);
}
