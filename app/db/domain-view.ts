import type { AnyDoc } from '@shared/schemas/collections';
import { withoutDerivedFields } from './derived-fields';

/**
 * A stored document as the domain knows it: RxDB keeps `_deleted` outside the document JSON
 * (documents on screen are never deleted ones), and the device's derived index fields stay behind.
 */
export function toDomain<D extends AnyDoc>(json: unknown): D {
  const doc = { ...(json as object), _deleted: false } as D;
  return withoutDerivedFields(doc);
}
