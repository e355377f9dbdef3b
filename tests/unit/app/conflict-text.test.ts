import { describe, expect, it } from 'vitest';
import { describeChanger } from '@app/features/conflicts/conflict-text';

describe('who made the other change', () => {
  it('is "you" when it was the user’s own earlier change, else their name', () => {
    expect(describeChanger({ theirsChangedBy: 'user-eng2' }, 'user-eng2', 'Eli Novak')).toMatch(/^you, in an earlier change/);
    expect(describeChanger({ theirsChangedBy: 'user-dispatch1' }, 'user-eng2', 'Dana Dispatch')).toBe('Dana Dispatch');
    expect(describeChanger({ theirsChangedBy: undefined }, 'user-eng2', undefined)).toBe('someone else');
  });
});
