import { z } from 'zod';
import { AssetSchema } from './asset';
import { AttachmentSchema } from './attachment';
import { ActivitySchema, CategorySchema, CommentSchema, NotificationSchema, SlaPolicySchema } from './misc';
import { SiteSchema } from './site';
import { TicketSchema } from './ticket';
import { UserSchema } from './user';
import { WorkOrderSchema } from './work-order';

/** One entry per replicated collection: URL name → document schema. The single source of truth. */
export const COLLECTION_SCHEMAS = {
  users: UserSchema,
  sites: SiteSchema,
  assets: AssetSchema,
  tickets: TicketSchema,
  workOrders: WorkOrderSchema,
  comments: CommentSchema,
  activities: ActivitySchema,
  notifications: NotificationSchema,
  slaPolicies: SlaPolicySchema,
  categories: CategorySchema,
  attachments: AttachmentSchema,
} as const;

export type CollectionName = keyof typeof COLLECTION_SCHEMAS;
export const COLLECTION_NAMES = Object.keys(COLLECTION_SCHEMAS) as CollectionName[];
export const CollectionNameSchema = z.enum(COLLECTION_NAMES as [CollectionName, ...CollectionName[]]);

export type DocOf<C extends CollectionName> = z.infer<(typeof COLLECTION_SCHEMAS)[C]>;
export type AnyDoc = DocOf<CollectionName>;

/** The `type` discriminator stored in each collection's documents. */
export const DOC_TYPE_BY_COLLECTION = {
  users: 'user',
  sites: 'site',
  assets: 'asset',
  tickets: 'ticket',
  workOrders: 'workOrder',
  comments: 'comment',
  activities: 'activity',
  notifications: 'notification',
  slaPolicies: 'slaPolicy',
  categories: 'category',
  attachments: 'attachment',
} as const satisfies { [C in CollectionName]: DocOf<C>['type'] };

export function isCollectionName(value: string): value is CollectionName {
  return Object.hasOwn(COLLECTION_SCHEMAS, value);
}
