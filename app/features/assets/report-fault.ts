import { ulid } from 'ulid';
import type { Asset } from '@shared/schemas/asset';
import type { Attachment } from '@shared/schemas/attachment';
import type { Priority } from '@shared/schemas/common';
import type { SlaPolicy } from '@shared/schemas/misc';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import { buildAttachment, type EncodedImage } from '../../db/attachments';
import type { AppDatabase } from '../../db/database';
import { saveDocument } from '../../db/writes';
import type { FieldProblem } from '../../components/field-problems';
import { InputError, inputErrorOf } from '../work-orders/work-order-actions';

/**
 * A fault report is a new ticket built on the device, offline or not. Its number is provisional
 * (`TCK-P-…`) and its SLA fields are placeholders: the server assigns the real `TCK-000123` number
 * and computes the due times from the SLA policy when the ticket syncs (server-owned fields).
 */
export type FaultReportInput = { category: string; priority: Priority; description: string };

const TITLE_MAX = 200;

export function faultTitle(asset: Pick<Asset, 'name' | 'tag'>, description: string): string {
  const firstLine = description.trim().split(/\r?\n/)[0] ?? '';
  const title = `${asset.name} (${asset.tag}): ${firstLine}`;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

export function checkFaultReport(input: FaultReportInput): void {
  const problems: FieldProblem[] = [];
  if (!input.category.trim()) problems.push({ field: 'category', message: 'Choose what kind of fault this is.' });
  if (!input.description.trim()) problems.push({ field: 'description', message: 'Describe the fault: what you see, hear or smell.' });
  if (problems.length > 0) throw inputErrorOf(problems);
}

type BuildInput = { asset: Asset; input: FaultReportInput; reporter: Pick<User, 'id'>; policies: readonly SlaPolicy[]; now: Date; id?: string };

export function buildFaultTicket({ asset, input, reporter, policies, now, id = ulid() }: BuildInput): Ticket {
  checkFaultReport(input);
  const policy = policies.find((candidate) => candidate.priority === input.priority);
  if (!policy) throw new InputError('The SLA policies have not reached this device yet; connect once and try again.', 'priority');
  const stamp = now.toISOString();
  return {
    id,
    type: 'ticket',
    number: `TCK-P-${id}`,
    title: faultTitle(asset, input.description),
    description: input.description.trim(),
    category: input.category,
    priority: input.priority,
    status: 'new',
    siteId: asset.siteId,
    assetId: asset.id,
    reportedBy: reporter.id,
    slaPolicyId: policy.id,
    // Placeholders the schema needs until the server computes the real due times.
    sla: { responseDueAt: stamp, resolutionDueAt: stamp, pausedMs: 0, state: 'ok', escalationLevel: 0 },
    tags: ['fault-report'],
    createdAt: stamp,
    updatedAt: stamp,
    _deleted: false,
  };
}

export function buildTicketPhoto(ticketId: string, image: EncodedImage, userId: string, now: Date, id = ulid()): Attachment {
  return buildAttachment({ ownerCollection: 'tickets', ownerId: ticketId, kind: 'photo', image, userId, now, id });
}

/** Saves the ticket, then its photo (which names the ticket); both wait in the outbox until synced. */
export async function saveFaultReport(db: AppDatabase, ticket: Ticket, photo: EncodedImage | undefined, userId: string, now = new Date()): Promise<Ticket> {
  const saved = await saveDocument(db, 'tickets', ticket, now);
  if (photo) await saveDocument(db, 'attachments', buildTicketPhoto(saved.id, photo, userId, now), now);
  return saved;
}
