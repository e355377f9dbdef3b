import { describe, expect, it } from 'vitest';
import { decodeCheckpoint, encodeCheckpoint, isSameScope, scopeTagOf, unionOfScopes } from '@server/replication/checkpoint';
import { AppError } from '@server/errors';

const secret = 'test-secret-test-secret-test-secret-0123';

describe('pull checkpoints', () => {
  it('round-trip any store sequence, numeric (PouchDB) or opaque (CouchDB 3), with the scope pulled under', () => {
    for (const seq of ['0', '42', '17-g1AAAAJTeJzLYWBgYMlgTmFQSElKzi9KdUhJMtIrSs1LLUst0kvOyS9NScwr0ctLLckBKmRKZEiy____']) {
      expect(decodeCheckpoint(encodeCheckpoint({ seq }, secret), secret)).toEqual({ seq });
      const position = { seq, scope: scopeTagOf(['user:u-1', 'site:site-b', 'site:site-a']), was: 'all' as const };
      expect(decodeCheckpoint(encodeCheckpoint(position, secret), secret)).toEqual({ seq, scope: ['site:site-a', 'site:site-b', 'user:u-1'], was: 'all' });
    }
  });

  it('absent means "from the beginning"', () => {
    expect(decodeCheckpoint(undefined, secret)).toBeUndefined();
  });

  it('takes only the sequence from one without a valid signature: unsigned, forged, or signed with a rotated secret', () => {
    const unsigned = Buffer.from(JSON.stringify({ v: 1, seq: '9', scope: ['site:site-a'], was: 'all' })).toString('base64url');
    expect(decodeCheckpoint(unsigned, secret)).toEqual({ seq: '9' });
    const signed = encodeCheckpoint({ seq: '9', scope: ['site:site-a'] }, secret);
    expect(decodeCheckpoint(signed, secret)).toEqual({ seq: '9', scope: ['site:site-a'] });
    expect(decodeCheckpoint(signed, 'another-secret-another-secret-another-1')).toEqual({ seq: '9' });
    const [, signature] = signed.split('.');
    expect(decodeCheckpoint(`${unsigned}.${signature}`, secret)).toEqual({ seq: '9' });
  });

  it.each(['garbage', Buffer.from('{"v":2,"seq":"1"}').toString('base64url'), Buffer.from('[1]').toString('base64url')])(
    'refuses %s as a 400 naming the checkpoint',
    (bad) => {
      expect(() => decodeCheckpoint(bad, secret)).toThrow(AppError);
      try {
        decodeCheckpoint(bad, secret);
      } catch (error) {
        expect(error).toMatchObject({ status: 400, field: 'checkpoint' });
      }
    },
  );

  it('compares and joins scopes', () => {
    expect(isSameScope(['site:a', 'user:u'], ['site:a', 'user:u'])).toBe(true);
    expect(isSameScope(['site:a'], ['site:b'])).toBe(false);
    expect(isSameScope('all', ['site:a'])).toBe(false);
    expect(unionOfScopes(['site:b'], ['site:a', 'site:b'])).toEqual(['site:a', 'site:b']);
    expect(unionOfScopes(['site:b'], 'all')).toBe('all');
    // Too many keys to carry in a URL: no scope, so no catch-up for that device.
    expect(scopeTagOf(Array.from({ length: 200 }, (_, index) => `site:site-number-${index}` as const))).toBeUndefined();
  });
});
