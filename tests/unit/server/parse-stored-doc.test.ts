import { describe, expect, it } from 'vitest';
import { createLogger } from '@server/logger';
import { fromCouchDoc, toCouchDoc } from '@server/store/couch-docs';
import { parseStoredDoc } from '@server/replication/visibility';
import { buildWorkOrder } from '../../helpers/factories';

const logger = createLogger('silent');
const acl = { readers: ['user-eng1'], formerReaders: [] };
/** A work order as the store's changes cache holds it: through CouchDB's form and JSON, as the store returns it. */
const storedFields = (doc: Record<string, unknown>) => fromCouchDoc(JSON.parse(JSON.stringify(toCouchDoc(doc as never, acl, '1-a')))).fields;

describe('a stored document read back through its schema', () => {
  it('is the stored fields object itself when the schema changes nothing, parsed once', () => {
    const fields = storedFields(buildWorkOrder({ id: 'wo-1' }));
    const doc = parseStoredDoc('workOrders', fields, logger);
    expect(doc).toBe(fields);
    expect(parseStoredDoc('workOrders', fields, logger)).toBe(doc);
  });

  it("is the schema's output when the schema strips or fills in something, never the stored fields", () => {
    const fields = { ...storedFields(buildWorkOrder({ id: 'wo-2' })), leftover: 'not in the schema' };
    const doc = parseStoredDoc('workOrders', fields, logger);
    expect(doc).not.toBe(fields);
    expect(doc).not.toHaveProperty('leftover');
    expect(doc).toMatchObject({ id: 'wo-2' });
  });

  it('is nothing when the stored document fails its schema', () => {
    const fields = { ...storedFields(buildWorkOrder({ id: 'wo-3' })), status: 'no-such-status' };
    expect(parseStoredDoc('workOrders', fields, logger)).toBeUndefined();
  });
});
