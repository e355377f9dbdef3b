import { ulid } from 'ulid';
import { findHolder } from '@shared/domain/unique-fields';
import type { Priority } from '@shared/schemas/common';
import { CategorySchema, type Category } from '@shared/schemas/misc';
import { toChecked, type Checked, type FieldProblems } from './field-problems';
import { parseSkills } from './user-form';

/** A category as the admin types it: skills comma-separated, as on the Users screen. */
export type CategoryInput = { name: string; description: string; skills: string; defaultPriority: Priority };

export const EMPTY_CATEGORY_INPUT: CategoryInput = { name: '', description: '', skills: '', defaultPriority: 'medium' };

export function categoryInputOf(category: Category): CategoryInput {
  return { name: category.name, description: category.description, skills: category.skills.join(', '), defaultPriority: category.defaultPriority };
}

/**
 * The category the form describes — a new one, or `base` edited — or every problem with it at
 * once: the schema's, and a name another category already has in any case (`categories`: the
 * device's copy; tickets store the name, so 'HVAC' and 'hvac' would split the reports).
 */
export function checkCategory(input: CategoryInput, base: Category | undefined, categories: readonly Category[], now: Date, id: string = ulid()): Checked<Category> {
  const stamp = now.toISOString();
  const candidate = {
    id: base?.id ?? id,
    type: 'category',
    name: input.name.trim(),
    description: input.description.trim(),
    skills: parseSkills(input.skills),
    defaultPriority: input.defaultPriority,
    createdAt: base?.createdAt ?? stamp,
    updatedAt: stamp,
    _deleted: false,
  };
  const earlier: FieldProblems = {};
  const holder = findHolder('categories', candidate, categories);
  if (holder) earlier.name = `There is already a category called ${holder.name}; names ignore case.`;
  return toChecked(CategorySchema.safeParse(candidate), earlier);
}
