import { describe, expect, it } from 'vitest';
import { changedFieldWords } from '@app/components/field-words';

describe('audit lines in words', () => {
  it('names changed fields as people call them and leaves the server’s bookkeeping out', () => {
    const changes = ['assigneeId', 'status', 'updatedAt', 'sla', 'scheduledStart', 'checkIn', 'statusChangedAt'].map((field) => ({ field, before: null, after: null }));
    expect(changedFieldWords(changes)).toEqual(['assignee', 'status', 'start time', 'check-in']);
  });
});
