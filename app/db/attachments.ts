import { ulid } from 'ulid';
import type { Attachment } from '@shared/schemas/attachment';
import { WorkOrderSchema, type WorkOrder } from '@shared/schemas/work-order';
import type { AppDatabase } from './database';
import { saveDocument } from './writes';

/**
 * Photos and signatures of a work order: each is its own attachment document (replicated like any
 * write) and the work order refers to it by id. The attachment is saved first, so the work order
 * never points at bytes this device does not have.
 */

export type EncodedImage = Pick<Attachment, 'contentType' | 'size'> & { base64: string };

type OwnedAttachmentInput = Pick<Attachment, 'ownerCollection' | 'ownerId' | 'kind'> & { image: EncodedImage; userId: string; now: Date; id?: string };

/** An attachment document for any owner (a work order's photo or signature, a ticket's photo). */
export function buildAttachment({ ownerCollection, ownerId, kind, image, userId, now, id = ulid() }: OwnedAttachmentInput): Attachment {
  const stamp = now.toISOString();
  return {
    id,
    type: 'attachment',
    ownerCollection,
    ownerId,
    kind,
    contentType: image.contentType,
    size: image.size,
    data: image.base64,
    createdBy: userId,
    // The server replaces both with its own time; they are required locally and show the order taken.
    createdAt: stamp,
    updatedAt: stamp,
    _deleted: false,
  };
}

type AttachmentInput = { workOrderId: string; kind: Attachment['kind']; image: EncodedImage; userId: string; now: Date; id?: string };

export function buildWorkOrderAttachment({ workOrderId, ...rest }: AttachmentInput): Attachment {
  return buildAttachment({ ownerCollection: 'workOrders', ownerId: workOrderId, ...rest });
}

/** Photos are append-only (merged by id on conflicts), so adding one twice changes nothing. */
export function appendPhoto(wo: WorkOrder, attachmentId: string): WorkOrder {
  return wo.photos.includes(attachmentId) ? wo : { ...wo, photos: [...wo.photos, attachmentId] };
}

export function recordSignature(wo: WorkOrder, name: string, attachmentId: string, now: Date): WorkOrder {
  return { ...wo, signature: { name: name.trim(), attachmentId, at: now.toISOString() } };
}

/**
 * The work order as stored now. Compressing a photo takes a moment, during which a sync or another
 * edit may have changed the document the screen rendered; saving that stale copy would undo it.
 */
export async function readWorkOrder(db: AppDatabase, id: string): Promise<WorkOrder | undefined> {
  const doc = await db.workOrders.findOne(id).exec();
  if (!doc) return undefined;
  // Anything read back from IndexedDB goes through a parse (STYLE.md: local data is untrusted).
  return WorkOrderSchema.parse({ ...doc.toJSON(), _deleted: false });
}

/** Saves the photo and appends it to the work order; returns the attachment id. */
export async function addWorkOrderPhoto(db: AppDatabase, fallback: WorkOrder, image: EncodedImage, userId: string, now = new Date()): Promise<string> {
  const attachment = await saveDocument(db, 'attachments', buildWorkOrderAttachment({ workOrderId: fallback.id, kind: 'photo', image, userId, now }), now);
  const current = (await readWorkOrder(db, fallback.id)) ?? fallback;
  await saveDocument(db, 'workOrders', appendPhoto(current, attachment.id), now);
  return attachment.id;
}

/** Saves the signature image and records who signed and when on the work order. */
export async function saveWorkOrderSignature(
  db: AppDatabase,
  fallback: WorkOrder,
  input: { name: string; image: EncodedImage; userId: string },
  now = new Date(),
): Promise<WorkOrder> {
  const attachment = await saveDocument(
    db,
    'attachments',
    buildWorkOrderAttachment({ workOrderId: fallback.id, kind: 'signature', image: input.image, userId: input.userId, now }),
    now,
  );
  const current = (await readWorkOrder(db, fallback.id)) ?? fallback;
  return saveDocument(db, 'workOrders', recordSignature(current, input.name, attachment.id, now), now);
}
