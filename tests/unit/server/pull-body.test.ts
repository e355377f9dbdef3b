import { describe, expect, it } from 'vitest';
import type { AnyDoc } from '@shared/schemas/collections';
import { pullBody } from '@server/replication/pull-body';
import { buildWorkOrder } from '../../helpers/factories';

describe('a pull page as JSON', () => {
  const served = buildWorkOrder({ id: 'wo-1', notes: [{ id: 'n1', at: '2026-03-01T10:00:00.000Z', by: 'user-eng1', text: 'Pompe « réservoir » – 2 µm "filtre" 🔧\n' }] });
  const removed = { ...buildWorkOrder({ id: 'wo-2' }), _deleted: true } as AnyDoc;

  it('is exactly the UTF-8 of what JSON.stringify writes, for a page with a checkpoint, an empty one, and a first one', () => {
    for (const page of [{ documents: [served, removed], checkpoint: 'eyJ2IjoxfQ' }, { documents: [], checkpoint: 'abc' }, { documents: [served], checkpoint: null }]) {
      const body = pullBody(page);
      expect(body.equals(Buffer.from(JSON.stringify(page), 'utf8'))).toBe(true);
      expect(JSON.parse(body.toString('utf8'))).toEqual(page);
    }
  });

  it('serializes a document version once: the same object gives the JSON it first gave, a new version its own', () => {
    const version = buildWorkOrder({ id: 'wo-3', status: 'scheduled' });
    const first = pullBody({ documents: [version], checkpoint: 'a' });
    // Served versions are never mutated; mutating one here shows the cached JSON is what is served.
    (version as { status: string }).status = 'on_hold';
    expect(pullBody({ documents: [version], checkpoint: 'a' }).equals(first)).toBe(true);
    const edited = { ...version, status: 'completed' as const };
    expect(JSON.parse(pullBody({ documents: [edited], checkpoint: 'b' }).toString()).documents[0].status).toBe('completed');
  });
});
