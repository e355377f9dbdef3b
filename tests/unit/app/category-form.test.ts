import { describe, expect, it } from 'vitest';
import { categoryInputOf, checkCategory, EMPTY_CATEGORY_INPUT } from '@app/features/admin/category-form';
import { describeIssue } from '@shared/schemas/issue-words';
import { CategorySchema } from '@shared/schemas/misc';
import { buildCategory } from '../../helpers/factories';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const hvac = buildCategory({ id: 'cat-hvac', name: 'HVAC' });

describe('the categories screen’s form', () => {
  it('builds a new category with its skills read from commas', () => {
    const checked = checkCategory({ name: ' Roofing ', description: ' Roofs and gutters ', skills: 'roofing, , heights, roofing', defaultPriority: 'low' }, undefined, [hvac], NOW, 'cat-new');
    expect(checked).toEqual({
      ok: true,
      doc: { id: 'cat-new', type: 'category', name: 'Roofing', description: 'Roofs and gutters', skills: ['roofing', 'heights'], defaultPriority: 'low', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), _deleted: false },
    });
  });

  it('refuses a name another category has in any case, and names every other problem too', () => {
    const checked = checkCategory({ ...EMPTY_CATEGORY_INPUT, name: 'hvac', description: 'x'.repeat(501) }, undefined, [hvac], NOW);
    expect(checked).toEqual({ ok: false, problems: { name: expect.stringContaining('already a category called HVAC'), description: 'At most 500 characters.' } });
    expect(checkCategory(EMPTY_CATEGORY_INPUT, undefined, [hvac], NOW)).toEqual({ ok: false, problems: { name: 'Required.' } });
  });

  it('lets a category keep its own name, in another case too', () => {
    const checked = checkCategory({ ...categoryInputOf(hvac), name: 'Hvac', defaultPriority: 'high' }, hvac, [hvac], NOW);
    expect(checked).toMatchObject({ ok: true, doc: { id: 'cat-hvac', name: 'Hvac', defaultPriority: 'high', createdAt: hvac.createdAt } });
  });

  it('puts a schema’s refusal in words', () => {
    const parsed = CategorySchema.safeParse({ ...hvac, skills: Array.from({ length: 21 }, (_, index) => `skill-${index}`), defaultPriority: 'urgent' });
    const messages = parsed.success ? [] : parsed.error.issues.map(describeIssue);
    expect(messages).toEqual(['At most 20 entries.', expect.stringMatching(/^Invalid option.*\.$/)]);
  });
});
