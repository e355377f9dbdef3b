import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PRIORITIES, type Priority } from '@shared/schemas/common';
import { FieldError } from '../../components/FieldError';
import { PRIORITY_LABELS } from '../../components/labels';
import { useCollection } from '../../db/useCollection';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { describeActionError, errorFor, errorOutside, type ActionError } from '../work-orders/useWorkOrderAction';
import { buildNewTicket, type TicketInput } from './ticket-drafts';
import './tickets.css';

/** Fields with their own message under them; any other problem shows above the button. */
const FIELDS_SHOWN = ['title', 'siteId', 'category', 'priority'];

const EMPTY: TicketInput = { title: '', description: '', category: '', priority: 'medium', siteId: '', tags: '' };

/**
 * A dispatcher logs a ticket (phone call, e-mail); a site manager reports a problem at one of their
 * sites that is not about one asset (the Wi-Fi, the lights). It works offline and syncs later.
 */
export function NewTicketPage() {
  const { db, user } = useSession();
  const navigate = useNavigate();
  const siteManager = user.role === 'site_manager';
  const sites = (useCollection('sites') ?? []).filter((site) => !siteManager || user.siteIds.includes(site.id)).sort((a, b) => a.name.localeCompare(b.name));
  const categories = (useCollection('categories') ?? []).sort((a, b) => a.name.localeCompare(b.name));
  const policies = useCollection('slaPolicies') ?? [];
  const [input, setInput] = useState<TicketInput>(EMPTY);
  const [error, setError] = useState<ActionError>();
  const assets = useCollection('assets', { siteId: input.siteId || '__none__' }) ?? [];
  const set = (patch: Partial<TicketInput>) => setInput((current) => ({ ...current, ...patch }));
  const siteAssets = assets.filter((asset) => asset.siteId === input.siteId).sort((a, b) => a.name.localeCompare(b.name));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const ticket = buildNewTicket(input, user.id, policies, new Date());
      await saveDocument(db, 'tickets', ticket);
      // The reporter's own view of it for a site manager; the desk's for the desk.
      await navigate(siteManager ? `/reports/${ticket.id}` : `/tickets/${ticket.id}`);
    } catch (caught) {
      setError(describeActionError(caught));
    }
  }

  const fieldError = (field: string) => errorFor(error, field);
  const otherError = errorOutside(error, FIELDS_SHOWN);
  return (
    <div className="desk new-ticket">
      <h1>{siteManager ? 'Report a problem at your site' : 'New ticket'}</h1>
      <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
        <label>
          Title
          <input value={input.title} maxLength={200} onChange={(event) => set({ title: event.target.value })} aria-describedby="title-error" />
        </label>
        <FieldError id="title-error" message={fieldError('title')} />
        <label>
          Description
          <textarea rows={4} value={input.description} maxLength={10_000} onChange={(event) => set({ description: event.target.value })} />
        </label>
        <div className="form-grid">
          <label>
            Site
            <select value={input.siteId} onChange={(event) => set({ siteId: event.target.value, assetId: '' })} aria-describedby="site-error">
              <option value="">Choose a site…</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Asset (optional)
            <select value={input.assetId ?? ''} onChange={(event) => set({ assetId: event.target.value })} disabled={!input.siteId}>
              <option value="">None</option>
              {siteAssets.map((asset) => (
                <option key={asset.id} value={asset.id}>
                  {asset.name} · {asset.tag}
                </option>
              ))}
            </select>
          </label>
          <label>
            Category
            <select
              value={input.category}
              onChange={(event) => {
                const category = categories.find((candidate) => candidate.name === event.target.value);
                set({ category: event.target.value, ...(category ? { priority: category.defaultPriority } : {}) });
              }}
              aria-describedby="category-error"
            >
              <option value="">Choose a category…</option>
              {categories.map((category) => (
                <option key={category.id} value={category.name}>
                  {category.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Priority
            <select value={input.priority} onChange={(event) => set({ priority: event.target.value as Priority })} aria-describedby="priority-error">
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FieldError id="site-error" message={fieldError('siteId')} />
        <FieldError id="category-error" message={fieldError('category')} />
        <FieldError id="priority-error" message={fieldError('priority')} />
        <label>
          Tags (comma-separated)
          <input value={input.tags} onChange={(event) => set({ tags: event.target.value })} />
        </label>
        <FieldError id="ticket-error" message={otherError} />
        <button type="submit">Create ticket</button>
      </form>
    </div>
  );
}
