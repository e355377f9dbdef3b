import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketSchema } from '@shared/schemas/ticket';
import { AttachmentSchema } from '@shared/schemas/attachment';
import { openDatabase, type AppDatabase } from '@app/db/database';
import { buildFaultTicket, faultTitle, saveFaultReport } from '@app/features/assets/report-fault';
import { InputError } from '@app/features/work-orders/work-order-actions';
import { buildAsset, buildSlaPolicy, TINY_PNG_BASE64 } from '../../helpers/factories';

const NOW = new Date('2026-03-02T09:30:00.000Z');
const asset = buildAsset({ id: 'asset-lon-0007', tag: 'AST-LON-0007', siteId: 'site-lon', name: 'Rooftop chiller 1' });
const policies = [buildSlaPolicy({ id: 'sla-high', priority: 'high' }), buildSlaPolicy({ id: 'sla-low', priority: 'low' })];
const reporter = { id: 'user-site1' };

let db: AppDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('fault reports', () => {
  it('build a schema-valid new ticket with a provisional number and the SLA policy of the chosen priority', () => {
    const ticket = buildFaultTicket({ asset, input: { category: 'HVAC', priority: 'high', description: 'Compressor trips\nafter two minutes' }, reporter, policies, now: NOW, id: '01JTESTTICKET00000000000AB' });
    expect(TicketSchema.parse(ticket)).toEqual(ticket);
    expect(ticket).toMatchObject({
      number: 'TCK-P-01JTESTTICKET00000000000AB',
      status: 'new',
      siteId: 'site-lon',
      assetId: 'asset-lon-0007',
      reportedBy: 'user-site1',
      slaPolicyId: 'sla-high',
      title: 'Rooftop chiller 1 (AST-LON-0007): Compressor trips',
    });
  });

  it.each([
    [{ category: 'HVAC', priority: 'high' as const, description: '   ' }, 'description'],
    [{ category: ' ', priority: 'high' as const, description: 'Leaking' }, 'category'],
    [{ category: 'HVAC', priority: 'critical' as const, description: 'Leaking' }, 'priority'],
  ])('refuse %j naming the field %s', (input, field) => {
    try {
      buildFaultTicket({ asset, input, reporter, policies, now: NOW });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
  });

  it('name both missing fields at once', () => {
    expect(() => buildFaultTicket({ asset, input: { category: '', priority: 'high', description: '' }, reporter, policies, now: NOW })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ field: 'category' }), expect.objectContaining({ field: 'description' })] }),
    );
  });

  it('keep titles within the schema limit', () => {
    expect(faultTitle(asset, 'x'.repeat(500)).length).toBe(200);
  });

  it('are saved offline with the photo as an attachment of the ticket, both waiting in the outbox', async () => {
    db = await openDatabase('test-fault-report', { indexedDB: { indexedDB, IDBKeyRange }, validate: true });
    const ticket = buildFaultTicket({ asset, input: { category: 'HVAC', priority: 'low', description: 'Noisy fan' }, reporter, policies, now: NOW });
    await saveFaultReport(db, ticket, { base64: TINY_PNG_BASE64, contentType: 'image/png', size: 68 }, reporter.id, NOW);
    const photos = await db.attachments.find({ selector: { ownerId: ticket.id } }).exec();
    expect(photos).toHaveLength(1);
    expect(AttachmentSchema.parse({ ...photos[0]?.toJSON(), _deleted: false })).toMatchObject({ ownerCollection: 'tickets', kind: 'photo', createdBy: 'user-site1' });
    expect(await db.outbox.count().exec()).toBe(2);
  });
});
