import { describe, expect, it } from 'vitest';
import { decodeCheckpoint, encodeCheckpoint } from '@server/replication/checkpoint';
import { AppError } from '@server/errors';

describe('pull checkpoints', () => {
  it('round-trip any store sequence, numeric (PouchDB) or opaque (CouchDB 3)', () => {
    for (const seq of ['0', '42', '17-g1AAAAJTeJzLYWBgYMlgTmFQSElKzi9KdUhJMtIrSs1LLUst0kvOyS9NScwr0ctLLckBKmRKZEiy____'])
      expect(decodeCheckpoint(encodeCheckpoint(seq))).toBe(seq);
  });

  it('absent means "from the beginning"', () => {
    expect(decodeCheckpoint(undefined)).toBeUndefined();
  });

  it.each(['garbage', Buffer.from('{"v":2,"seq":"1"}').toString('base64url'), Buffer.from('[1]').toString('base64url')])(
    'refuses %s as a 400 naming the checkpoint',
    (bad) => {
      expect(() => decodeCheckpoint(bad)).toThrow(AppError);
      try {
        decodeCheckpoint(bad);
      } catch (error) {
        expect(error).toMatchObject({ status: 400, field: 'checkpoint' });
      }
    },
  );
});
