import type { FormEvent } from 'react';
import { PRIORITIES } from '@shared/schemas/common';
import type { Asset } from '@shared/schemas/asset';
import type { Category } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import { FieldError } from '../../components/FieldError';
import { markInvalid } from '../../components/field-problems';
import { errorFor, errorOutside, type ActionError } from '../work-orders/useWorkOrderAction';
import type { TicketInput } from './ticket-drafts';
import { CategoryOptions, PriorityOptions, SiteOptions } from '../../components/ReferenceOptions';

/** Fields with their own message under them; any other problem shows above the button. */
const FIELDS_SHOWN = ['title', 'siteId', 'category', 'priority'];

type Props = {
  input: TicketInput;
  sites: readonly Site[];
  categories: readonly Category[];
  /** The chosen site's assets, in the order offered. */
  assets: readonly Asset[];
  error: ActionError | undefined;
  /** A site manager reports a problem: no desk tags, and the button says what it does for them. */
  reporting: boolean;
  /** Saving: the button waits, so a double click makes one ticket. */
  busy?: boolean;
  onChange: (patch: Partial<TicketInput>) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

/**
 * The new-ticket form. Each message sits right under its own field, inside the grid cell: on a
 * phone the grid is one column, and messages after the grid would read as the last field's.
 */
export function NewTicketForm({ input, sites, categories, assets, error, reporting, busy = false, onChange, onSubmit }: Props) {
  const errorId = (field: string) => `new-ticket-${field}-error`;
  const invalid = (field: string) => markInvalid(errorId(field), errorFor(error, field));
  const fieldError = (field: string) => <FieldError id={errorId(field)} message={errorFor(error, field)} />;
  // A preselected only site needs no "choose" option: choosing none would just choose it again.
  const siteChosenForThem = reporting && sites.length === 1 && input.siteId === sites[0]?.id;
  return (
    <form className="card stack" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label>
          Title
          <input value={input.title} maxLength={200} onChange={(event) => onChange({ title: event.target.value })} {...invalid('title')} />
        </label>
        {fieldError('title')}
      </div>
      <label>
        Description
        <textarea rows={4} value={input.description} maxLength={10_000} onChange={(event) => onChange({ description: event.target.value })} />
      </label>
      <div className="form-grid">
        <div className="field">
          <label>
            Site
            <select value={input.siteId} onChange={(event) => onChange({ siteId: event.target.value, assetId: '' })} {...invalid('siteId')}>
              {!siteChosenForThem && <option value="">Choose a site…</option>}
              <SiteOptions sites={sites} />
            </select>
          </label>
          {fieldError('siteId')}
        </div>
        <label>
          Asset (optional)
          <select value={input.assetId ?? ''} onChange={(event) => onChange({ assetId: event.target.value })} disabled={!input.siteId}>
            <option value="">None</option>
            {assets.map((asset) => (
              <option key={asset.id} value={asset.id}>
                {asset.name} · {asset.tag}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label>
            Category
            <select
              value={input.category}
              onChange={(event) => {
                const category = categories.find((candidate) => candidate.name === event.target.value);
                onChange({ category: event.target.value, ...(category ? { priority: category.defaultPriority } : {}) });
              }}
              {...invalid('category')}
            >
              <option value="">Choose a category…</option>
              <CategoryOptions categories={categories} />
            </select>
          </label>
          {fieldError('category')}
        </div>
        <div className="field">
          <label>
            Priority
            <select value={input.priority} onChange={(event) => onChange({ priority: PRIORITIES.find((priority) => priority === event.target.value) ?? input.priority })} {...invalid('priority')}>
              <PriorityOptions />
            </select>
          </label>
          {fieldError('priority')}
        </div>
      </div>
      {!reporting && (
        <label>
          Tags (comma-separated)
          <input value={input.tags} onChange={(event) => onChange({ tags: event.target.value })} />
        </label>
      )}
      <FieldError id="new-ticket-error" message={errorOutside(error, FIELDS_SHOWN)} />
      <button type="submit" disabled={busy}>{reporting ? 'Send report' : 'Create ticket'}</button>
    </form>
  );
}
