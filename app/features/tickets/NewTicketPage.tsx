import { useState, type FormEvent } from 'react';
import { useBusy } from '../../components/useBusy';
import { useNavigate } from 'react-router';
import { useCollection } from '../../db/useCollection';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { describeActionError, type ActionError } from '../work-orders/useWorkOrderAction';
import { NewTicketForm } from './NewTicketForm';
import { buildNewTicket, preselectedSiteId, type TicketInput } from './ticket-drafts';
import './tickets.css';

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
  const [typed, setInput] = useState<TicketInput>(EMPTY);
  const [error, setError] = useState<ActionError>();
  const { busy, guard } = useBusy();
  // The sites arrive after the first render (and by sync on a new device), so the preselection is
  // worked out on each render rather than put in the form's first state.
  const input = { ...typed, siteId: typed.siteId || preselectedSiteId(user.role, sites) };
  const assets = useCollection('assets', { siteId: input.siteId || '__none__' }) ?? [];
  const siteAssets = assets.filter((asset) => asset.siteId === input.siteId).sort((a, b) => a.name.localeCompare(b.name));

  // One ticket per press: a double click would otherwise save two (useBusy).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return guard(async () => {
      try {
        const ticket = buildNewTicket(input, user.id, policies, new Date());
        await saveDocument(db, 'tickets', ticket);
        // The reporter's own view of it for a site manager; the desk's for the desk.
        await navigate(siteManager ? `/reports/${ticket.id}` : `/tickets/${ticket.id}`);
      } catch (caught) {
        setError(describeActionError(caught));
      }
    });
  };

  return (
    <div className="desk new-ticket">
      <h1>{siteManager ? 'Report a problem at your site' : 'New ticket'}</h1>
      <NewTicketForm
        input={input}
        sites={sites}
        categories={categories}
        assets={siteAssets}
        error={error}
        reporting={siteManager}
        busy={busy}
        onChange={(patch) => setInput((current) => ({ ...current, ...patch }))}
        onSubmit={(event) => void submit(event)}
      />
    </div>
  );
}
