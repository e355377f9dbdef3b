import { describe, expect, it } from 'vitest';
import { childQueries, ownerOf, referencesOf } from '@shared/domain/references';
import { buildAttachment, buildComment, buildWorkOrder } from '../../helpers/factories';

describe('ownership: children and their owners', () => {
  it('a comment belongs to its ticket, an attachment to the collection it names', () => {
    expect(ownerOf('comments', buildComment({ ticketId: 't1' }))).toEqual({ collection: 'tickets', id: 't1', field: 'ticketId' });
    expect(ownerOf('attachments', buildAttachment({ ownerCollection: 'workOrders', ownerId: 'w1' })))
      .toEqual({ collection: 'workOrders', id: 'w1', field: 'ownerId' });
    expect(ownerOf('attachments', buildAttachment({ ownerCollection: 'tickets', ownerId: 't1' })))
      .toEqual({ collection: 'tickets', id: 't1', field: 'ownerId' });
  });

  it('documents with readers of their own, or unparsed rows naming no known owner, have no owner', () => {
    expect(ownerOf('workOrders', buildWorkOrder({ ticketId: 't1' }))).toBeUndefined();
    expect(ownerOf('attachments', { ownerCollection: 'sites', ownerId: 's1' })).toBeUndefined();
    expect(ownerOf('comments', { ticketId: 42 })).toBeUndefined();
  });

  it('an owner finds its children in every child collection, attachments filtered by owner collection', () => {
    expect(childQueries('tickets', 't1')).toEqual([
      { collection: 'comments', selector: { ticketId: 't1' } },
      { collection: 'attachments', selector: { ownerId: 't1', ownerCollection: 'tickets' } },
    ]);
    expect(childQueries('workOrders', 'w1')).toEqual([{ collection: 'attachments', selector: { ownerId: 'w1', ownerCollection: 'workOrders' } }]);
    expect(childQueries('sites', 's1')).toEqual([]);
  });

  it('the owner is checked like any other reference', () => {
    const order = buildWorkOrder({ siteId: 'site-a', assetId: 'a1', ticketId: 't1', assigneeId: 'u1' });
    expect(referencesOf('workOrders', order).map((ref) => ref.field).sort()).toEqual(['assetId', 'assigneeId', 'siteId', 'ticketId']);
    expect(referencesOf('attachments', buildAttachment({ ownerCollection: 'tickets', ownerId: 't9' })))
      .toEqual([{ field: 'ownerId', target: 'tickets', id: 't9' }]);
  });
});
