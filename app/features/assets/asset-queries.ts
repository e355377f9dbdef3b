import { map, type Observable } from 'rxjs';
import type { Asset } from '@shared/schemas/asset';
import type { Activity } from '@shared/schemas/misc';
import type { Ticket, TicketStatus } from '@shared/schemas/ticket';
import type { WorkOrder } from '@shared/schemas/work-order';
import type { AppDatabase } from '../../db/database';
import { toDomain } from '../../db/hooks';

/** Live local queries behind the asset page; all work offline against the device's copy. */

export type AssetLookup = { kind: 'loading' } | { kind: 'found'; asset: Asset } | { kind: 'unknown' };

export const CLOSED_TICKET_STATUSES: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled'];

/** By the indexed `tag` field: one index seek, even with tens of thousands of assets on the device. */
export function assetByTag$(db: AppDatabase, tag: string): Observable<AssetLookup> {
  return db.assets
    .findOne({ selector: { tag } })
    .$.pipe(map((doc): AssetLookup => (doc ? { kind: 'found', asset: toDomain<Asset>(doc.toJSON()) } : { kind: 'unknown' })));
}

export function openTicketsForAsset$(db: AppDatabase, assetId: string): Observable<Ticket[]> {
  return db.tickets
    .find({ selector: { assetId, status: { $nin: [...CLOSED_TICKET_STATUSES] } } })
    .$.pipe(map((docs) => docs.map((doc) => toDomain<Ticket>(doc.toJSON())).sort(newestFirst)));
}

export function openWorkOrdersForAsset$(db: AppDatabase, assetId: string): Observable<WorkOrder[]> {
  return db.workOrders
    .find({ selector: { assetId, status: { $nin: ['completed', 'cancelled'] } } })
    .$.pipe(map((docs) => docs.map((doc) => toDomain<WorkOrder>(doc.toJSON())).sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart))));
}

/** The latest changes to the asset and its tickets (the server writes one activity per accepted change). */
export function recentActivity$(db: AppDatabase, subjectIds: readonly string[], limit = 10): Observable<Activity[]> {
  return db.activities
    .find({ selector: { subjectId: { $in: [...subjectIds] } } })
    .$.pipe(map((docs) => docs.map((doc) => toDomain<Activity>(doc.toJSON())).sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit)));
}

/** Tag prefix or words of the name, case-insensitive; for the "unknown code" search and the labels screen. */
export function searchAssets$(db: AppDatabase, text: string, limit = 20): Observable<Asset[]> {
  const pattern = escapeRegExp(text.trim());
  if (!pattern) return db.assets.find({ selector: {}, limit, sort: [{ tag: 'asc' }] }).$.pipe(map((docs) => docs.map((doc) => toDomain<Asset>(doc.toJSON()))));
  return db.assets
    .find({ selector: { $or: [{ tag: { $regex: pattern, $options: 'i' } }, { name: { $regex: pattern, $options: 'i' } }] }, limit, sort: [{ tag: 'asc' }] })
    .$.pipe(map((docs) => docs.map((doc) => toDomain<Asset>(doc.toJSON()))));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function newestFirst(a: Ticket, b: Ticket): number {
  return b.createdAt.localeCompare(a.createdAt);
}
