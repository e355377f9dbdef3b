import type { FormEvent } from 'react';
import type { Category } from '@shared/schemas/misc';
import { FieldError } from '../../components/FieldError';
import { PRIORITY_LABELS } from '../../components/labels';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { categoryInputOf, checkCategory, type CategoryInput } from './category-form';
import { CategoryFields } from './CategoryFields';
import { useEditsOver } from './useEditsOver';
import { useSyncedSave } from './useSyncedSave';

/** One category: its details, edited as a synced write (offline too). */
export function CategoryCard({ category, categories }: { category: Category; categories: readonly Category[] }) {
  const { db } = useSession();
  const { shown: input, set, settle } = useEditsOver<CategoryInput>(categoryInputOf(category));
  const { problems, saved, save } = useSyncedSave();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await save(checkCategory(input, category, categories, new Date()), (next) => saveDocument(db, 'categories', next))) settle();
  }

  return (
    <details className="card admin-card" data-testid="category-card" data-name={category.name}>
      <summary>
        <strong>{category.name}</strong> <span className="muted">· {PRIORITY_LABELS[category.defaultPriority]}</span>
        {category.skills.length > 0 && <span className="muted"> · {category.skills.join(', ')}</span>}
      </summary>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <CategoryFields idPrefix={category.id} input={input} problems={problems} onChange={set} />
        {/* Tickets store the category's name: a renamed category leaves older tickets under the old one. */}
        <p className="hint">Renaming leaves tickets already filed under the old name as they are.</p>
        <FieldError id={`${category.id}-form-error`} message={problems.form} />
        <button type="submit">Save category</button>
        {saved && <p role="status">Saved; it syncs to every device.</p>}
      </form>
    </details>
  );
}
