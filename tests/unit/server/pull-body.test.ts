import { describe, expect, it } from 'vitest';
import type { AnyDoc } from '@shared/schemas/collections';
import { pullBody } from '@server/replication/pull-body';
import { buildWorkOrder } from '../../helpers/factories';

describe('a pull page as JSON', () => {
  const served = buildWorkOrder({ id: 'wo-1', notes: [{ id: 'n1', at: '2026-03-01T10:00:00.000Z', by: 'user-eng1', text: 'Pompe « réservoir » – 2 µm "filtre"\n' }] });
  const removed = { ...buildWorkOrder({ id: 'wo-2' }), _deleted: true } as AnyDoc;

  it('is exactly what JSON.stringify writes, for a page with a checkpoint, an empty one, and a first one', () => {
    for (const page of [{ documents: [served, removed], checkpoint: 'eyJ2IjoxfQ' }, { documents: [], checkpoint: 'abc' }, { documents: [served], checkpoint: null }]) {
      expect(pullBody(page)).toBe(JSON.stringify(page));
      expect(JSON.parse(pullBody(page))).toEqual(page);
    }
  });

  it('serializes a document version once: the same object gives the same JSON, a new version its own', () => {
    const first = pullBody({ documents: [served], checkpoint: 'a' });
    expect(pullBody({ documents: [served], checkpoint: 'a' })).toBe(first);
    const edited = { ...served, status: 'on_hold' as const };
    expect(JSON.parse(pullBody({ documents: [edited], checkpoint: 'b' })).documents[0].status).toBe('on_hold');
  });
});
