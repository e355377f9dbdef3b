import { describe, expect, it } from 'vitest';
import { buildSearchIndex, search, toSearchDocs } from '@app/features/search/search-index';
import { buildAsset, buildTicket, buildWorkOrder } from '../../helpers/factories';

const docs = toSearchDocs({
  tickets: [buildTicket({ id: 't1', number: 'TCK-000777', title: 'Water leak in plant room', description: 'Drip from the pump seal', tags: ['basement'] })],
  workOrders: [buildWorkOrder({ id: 'w1', number: 'WO-000555', notes: [{ id: 'n1', at: '2026-03-02T10:00:00.000Z', by: 'user-eng1', text: 'Replaced the contactor on compressor two' }] })],
  assets: [buildAsset({ id: 'a1', name: 'Rooftop chiller 1', serialNumber: 'SN-99812', tag: 'AST-000123' })],
});
const index = buildSearchIndex(docs);

describe('offline search', () => {
  it('finds tickets by title words, tags and number, work orders by notes, assets by serial number', () => {
    expect(search(index, 'leak').map((hit) => hit.id)).toEqual(['ticket:t1']);
    expect(search(index, 'basement')[0]).toMatchObject({ kind: 'ticket', docId: 't1', title: 'TCK-000777 Water leak in plant room' });
    expect(search(index, 'TCK-000777')[0]?.docId).toBe('t1');
    expect(search(index, 'contactor')[0]).toMatchObject({ kind: 'workOrder', docId: 'w1' });
    expect(search(index, 'SN-99812')[0]).toMatchObject({ kind: 'asset', docId: 'a1' });
  });

  it('matches prefixes and small typos, needs every word, and returns nothing for an empty query', () => {
    expect(search(index, 'chil')[0]?.docId).toBe('a1');
    expect(search(index, 'contacter')[0]?.docId).toBe('w1');
    expect(search(index, 'leak contactor')).toEqual([]);
    expect(search(index, '   ')).toEqual([]);
  });
});
