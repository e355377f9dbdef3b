import { describe, expect, it } from 'vitest';
import { changedFieldWords } from '@app/components/field-words';
import { shownNumber } from '@app/components/labels';

describe('audit lines in words', () => {
  it('names changed fields as people call them and leaves the server’s bookkeeping out', () => {
    const changes = ['assigneeId', 'status', 'updatedAt', 'sla', 'scheduledStart', 'checkIn', 'statusChangedAt'].map((field) => ({ field, before: null, after: null }));
    expect(changedFieldWords(changes)).toEqual(['assignee', 'status', 'start time', 'check-in']);
  });
});

describe('numbers as people read them', () => {
  it('shortens a provisional number made offline to its last 6 characters, and leaves the server’s alone', () => {
    expect(shownNumber('TCK-P-01JABCDEF0123456789ABCDEFG')).toBe('TCK-P-BCDEFG');
    expect(shownNumber('WO-P-01JABCDEF0123456789ABCDEFG')).toBe('WO-P-BCDEFG');
    expect(shownNumber('TCK-000123')).toBe('TCK-000123');
  });
});
