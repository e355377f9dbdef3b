import { describe, expect, it } from 'vitest';
import { describeChanger, describeField, describeReason, describeValue } from '@app/features/conflicts/conflict-text';
import type { ConflictRecord } from '@shared/schemas/conflict-record';

describe('who made the other change', () => {
  it('is "you" when it was the user’s own earlier change, else their name', () => {
    expect(describeChanger({ theirsChangedBy: 'user-eng2' }, 'user-eng2', 'Eli Novak')).toMatch(/^you, in an earlier change/);
    expect(describeChanger({ theirsChangedBy: 'user-dispatch1' }, 'user-eng2', 'Dana Dispatch')).toBe('Dana Dispatch');
    expect(describeChanger({ theirsChangedBy: undefined }, 'user-eng2', undefined)).toBe('someone else');
  });
});

describe('a change the server refused', () => {
  const refused: ConflictRecord = {
    id: 'wo-1:refused:1',
    collectionName: 'workOrders',
    docId: 'wo-1',
    docLabel: 'WO-000001',
    path: 'kind',
    mine: '"inspection"',
    theirs: '"corrective"',
    kept: '"corrective"',
    winner: 'theirs',
    reason: 'refused',
    refusal: 'an engineer cannot change kind on workOrders',
    documentDeleted: false,
    theirsChangedAt: '2026-12-05T08:00:00.000Z',
    recordedAt: '2026-12-05T08:00:00.000Z',
    state: 'open',
  };

  it('says the server did not accept it, with its reason, and names the field in words', () => {
    expect(describeReason(refused)).toMatch(/^The server did not accept this change: an engineer cannot change kind/);
    expect(describeField(refused)).toBe('Kind of work');
    expect(describeField({ ...refused, path: 'change' })).toBe('Your change');
  });

  it('of a new record says it was not stored (nothing was deleted, nothing was kept before it), and names what was entered in words', () => {
    const refusedNew = { ...refused, path: 'change', documentDeleted: true, theirs: '', kept: '', refusal: 'tag X is already used', mine: '{"tag":"AST-1","name":"Chiller","siteId":"site-lon"}' };
    expect(describeReason(refusedNew)).toMatch(/^The server did not accept this new record: tag X is already used\. It was removed from this device/);
    expect(describeReason(refusedNew)).not.toMatch(/version before it/);
    expect(describeValue(refusedNew.mine)).toBe('Tag: AST-1, Name: Chiller, Site: site-lon');
  });
});
