import { useState, type FormEvent } from 'react';
import type { Category } from '@shared/schemas/misc';
import { FieldError } from '../../components/FieldError';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { checkCategory, EMPTY_CATEGORY_INPUT, type CategoryInput } from './category-form';
import { CategoryFields } from './CategoryFields';
import { useSyncedSave } from './useSyncedSave';

/** Adds a ticket category on this device, offline too; the sync takes it to every device. */
export function NewCategoryForm({ categories }: { categories: readonly Category[] }) {
  const { db } = useSession();
  const [input, setInput] = useState<CategoryInput>(EMPTY_CATEGORY_INPUT);
  const { problems, save } = useSyncedSave();
  const [added, setAdded] = useState<Category>();
  const set = (patch: Partial<CategoryInput>) => setInput((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(undefined);
    const category = await save(checkCategory(input, undefined, categories, new Date()), (doc) => saveDocument(db, 'categories', doc));
    if (!category) return;
    setAdded(category);
    setInput(EMPTY_CATEGORY_INPUT);
  }

  return (
    <form className="card stack" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-category-title">
      <h2 id="new-category-title">Add a category</h2>
      <CategoryFields idPrefix="new-category" input={input} problems={problems} onChange={set} />
      <FieldError id="new-category-form-error" message={problems.form} />
      <button type="submit" className="primary">
        Add category
      </button>
      {added && (
        <p role="status" data-testid="category-added">
          Added {added.name}; it syncs to the server and to every device.
        </p>
      )}
    </form>
  );
}
