import type { Ticket } from '@shared/schemas/ticket';
import type { AppDatabase } from '../../db/database';
import { toDomain } from '../../db/hooks';
import { saveDocument } from '../../db/writes';
import { InputError } from '../work-orders/work-order-actions';

/** Applies `change` to the ticket as stored now (not a rendered copy, which may be stale) and saves it. */
export async function updateTicket(db: AppDatabase, id: string, change: (current: Ticket) => Ticket): Promise<Ticket> {
  const doc = await db.tickets.findOne(id).exec();
  if (!doc) throw new InputError('This ticket is no longer on this device.', 'ticket');
  return saveDocument(db, 'tickets', change(toDomain<Ticket>(doc.toJSON())));
}
