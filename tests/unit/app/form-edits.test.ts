import { describe, expect, it } from 'vitest';
import { editedOver, typedOver } from '@app/features/admin/form-edits';

describe('an admin form saved over a document another admin changed meanwhile', () => {
  it('applies only the inputs this admin changed, keeping the other admin’s edit', () => {
    const opened = { name: 'Canary Wharf', address: '1 Old Street', timezone: 'Europe/London', skills: ['hvac'] };
    // Meanwhile another admin renamed the site; this admin changed only the address.
    const current = { ...opened, name: 'London Canary Wharf' };
    const input = { ...opened, address: '25 Canada Square' };
    expect(editedOver(current, opened, input)).toEqual({ name: 'London Canary Wharf', address: '25 Canada Square', timezone: 'Europe/London', skills: ['hvac'] });
  });

  it('compares lists by value, so an untouched list is not written back', () => {
    const opened = { skills: ['hvac', 'electrical'] };
    expect(editedOver({ skills: ['plumbing'] }, opened, { skills: ['hvac', 'electrical'] })).toEqual({ skills: ['plumbing'] });
    expect(editedOver({ skills: ['plumbing'] }, opened, { skills: ['hvac'] })).toEqual({ skills: ['hvac'] });
  });
});

describe('a card form over a live document', () => {
  it('shows what was typed in touched inputs, even a value equal to an earlier one, and the document in the rest', () => {
    const current = { name: 'Plumbing', description: 'Pipes' };
    expect(typedOver(current, {}, new Set())).toEqual(current);
    // The refused name typed again after the rollback: typed, so shown (a value comparison would snap back).
    expect(typedOver(current, { name: 'Water & drainage' }, new Set(['name'] as const))).toEqual({ name: 'Water & drainage', description: 'Pipes' });
  });
});

