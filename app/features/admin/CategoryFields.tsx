import type { FieldProblems } from './field-problems';
import type { CategoryInput } from './category-form';
import { PrioritySelect, TextField } from './FormFields';

type Props = { idPrefix: string; input: CategoryInput; problems: FieldProblems; onChange: (patch: Partial<CategoryInput>) => void };

/** What an admin sets on a category, new or existing. */
export function CategoryFields({ idPrefix, input, problems, onChange }: Props) {
  const id = (field: keyof CategoryInput) => `${idPrefix}-${field}`;
  return (
    <>
      <TextField id={id('name')} label="Name" value={input.name} problem={problems.name} onChange={(name) => onChange({ name })} />
      <TextField id={id('description')} label="Description" rows={2} value={input.description} problem={problems.description} onChange={(description) => onChange({ description })} />
      <TextField
        id={id('skills')}
        label="Skills, separated by commas (assignment suggests engineers who have them)"
        value={input.skills}
        problem={problems.skills}
        onChange={(skills) => onChange({ skills })}
      />
      <PrioritySelect id={id('defaultPriority')} label="Default priority (a new ticket in this category starts with it)" value={input.defaultPriority} onChange={(defaultPriority) => onChange({ defaultPriority })} />
    </>
  );
}
