import { useMemo, useState } from 'react';
import { ulid } from 'ulid';
import { addChecklistItem, buildDefaultChecklist, removeChecklistItem, renameChecklistItem, type ChecklistEdit } from '@shared/domain/checklist';
import type { Category } from '@shared/schemas/misc';
import type { ChecklistItem, WorkOrder } from '@shared/schemas/work-order';
import { WORK_ORDER_KIND_LABELS } from '../../components/labels';
import { ChecklistEditor } from '../work-orders/ChecklistEditor';
import type { ActionError } from '../work-orders/useWorkOrderAction';

/**
 * The checklist of a work order being created: the default for its kind and the ticket's category
 * (the category's skills pick the trade's checks) until the desk edits it; after an edit the list
 * is the desk's, whatever kind is chosen next. `reset` goes back to following the default.
 */
export function useNewChecklist(kind: WorkOrder['kind'], category: Category | undefined) {
  // New ids only when the kind or the trade changes (not on every sync of the category), so the
  // editor's rows keep their inputs in place.
  const skillsKey = (category?.skills ?? []).join('\n');
  const defaults = useMemo(() => buildDefaultChecklist(kind, skillsKey ? skillsKey.split('\n') : [], ulid), [kind, skillsKey]);
  const [edited, setEdited] = useState<ChecklistItem[]>();
  const [error, setError] = useState<ActionError>();
  const items = edited ?? defaults;
  const apply = (edit: ChecklistEdit): Promise<boolean> => {
    if (!edit.ok) {
      setError({ field: edit.field, message: edit.message });
      return Promise.resolve(false);
    }
    setError(undefined);
    setEdited(edit.checklist);
    return Promise.resolve(true);
  };
  return {
    items,
    edited: edited !== undefined,
    error,
    onAdd: (label: string) => apply(addChecklistItem(items, label, ulid())),
    onRename: (itemId: string, label: string) => apply(renameChecklistItem(items, itemId, label)),
    onRemove: (itemId: string) => apply(removeChecklistItem(items, itemId)),
    reset: () => {
      setEdited(undefined);
      setError(undefined);
    },
  };
}

type Draft = ReturnType<typeof useNewChecklist>;

/** The draft checklist in the create form, with where its steps came from. */
export function NewWorkOrderChecklist({ draft, kind, category }: { draft: Draft; kind: WorkOrder['kind']; category: Category | undefined }) {
  const source = `${WORK_ORDER_KIND_LABELS[kind].toLowerCase()}${category && category.skills.length > 0 ? ` in ${category.name}` : ''}`;
  return (
    <fieldset className="stack" data-testid="new-wo-checklist">
      <legend>
        Checklist <span className="count">({draft.items.length} items)</span>
      </legend>
      <p className="hint">{draft.edited ? 'Your steps; the engineer ticks them on site.' : `The usual steps for ${source}; change them as this job needs.`}</p>
      <ChecklistEditor items={draft.items} idPrefix="new-wo-checklist" error={draft.error} onAdd={draft.onAdd} onRename={draft.onRename} onRemove={draft.onRemove} />
    </fieldset>
  );
}
