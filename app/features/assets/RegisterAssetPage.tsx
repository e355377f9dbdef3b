import { useState, type FormEvent } from 'react';
import { useBusy } from '../../components/useBusy';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { map } from 'rxjs';
import { ASSET_STATUSES, type Asset } from '@shared/schemas/asset';
import type { Site } from '@shared/schemas/site';
import type { Category } from '@shared/schemas/misc';
import { FieldError } from '../../components/FieldError';
import { markInvalid } from '../../components/field-problems';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { saveDocument } from '../../db/writes';
import { useSession } from '../../session/SessionContext';
import { describeActionError, errorFor, errorOutside, type ActionError } from '../work-orders/useWorkOrderAction';
import { buildNewAsset, EMPTY_ASSET_FORM, type AssetForm as Form } from './register-asset';
import { ASSET_STATUS_LABELS } from './ticket-labels';
import './assets.css';
import { CategoryOptions, SiteOptions } from '../../components/ReferenceOptions';

/** Fields with their own message under them; any other problem shows above the button. */
const FORM_FIELDS = ['tag', 'name', 'siteId', 'category', 'manufacturer', 'model', 'serialNumber', 'status', 'criticality'];

/** `/assets/new?tag=` — dispatchers and admins register equipment whose label names no asset yet. */
export function RegisterAssetPage() {
  const { db, user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sites = useLiveQuery((database) => database.sites.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Site>(doc.toJSON())))), [], []);
  const categories = useLiveQuery((database) => database.categories.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Category>(doc.toJSON())))), [], []);
  const [form, setForm] = useState<Form>({ ...EMPTY_ASSET_FORM, tag: (params.get('tag') ?? '').toUpperCase() });
  const [error, setError] = useState<ActionError>();
  const { busy, guard } = useBusy();
  if (user.role !== 'dispatcher' && user.role !== 'admin') return <Navigate to="/" replace />;

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));

  // The site and category lists come from the sync: on a fresh sign-in they can still be on their
  // way, and a form sent then would be refused for an empty category the screen never showed.
  const referenceReady = sites.length > 0 && categories.length > 0;

  // One asset per press: two quick ones would both find the tag free (useBusy).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!referenceReady) return;
    return guard(async () => {
      try {
        // The asset holding this tag, if any, is checked with the rest, so one attempt names every problem.
        const holder = await db.assets.findOne({ selector: { tag: form.tag.trim().toUpperCase() } }).exec();
        const asset = buildNewAsset(form, holder ? [toDomain<Asset>(holder.toJSON())] : [], new Date());
        const saved = await saveDocument(db, 'assets', asset);
        void navigate(`/a/${encodeURIComponent(saved.tag)}`, { replace: true });
      } catch (caught) {
        setError(describeActionError(caught));
      }
    });
  };

  const fieldProps = (field: keyof Form) => markInvalid(`register-${field}-error`, errorFor(error, field));
  const fieldError = (field: keyof Form) => <FieldError id={`register-${field}-error`} message={errorFor(error, field)} />;
  return (
    <form className="stack asset-page" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="register-asset-title">
      <h1 id="register-asset-title">Register a new asset</h1>
      <label>
        Tag (what the label says)
        <input value={form.tag} onChange={(event) => set('tag', event.target.value.toUpperCase())} required {...fieldProps('tag')} />
      </label>
      {fieldError('tag')}
      <label>
        Name
        <input value={form.name} onChange={(event) => set('name', event.target.value)} required {...fieldProps('name')} />
      </label>
      {fieldError('name')}
      <label>
        Site
        <select value={form.siteId} onChange={(event) => set('siteId', event.target.value)} {...fieldProps('siteId')}>
          <option value="">Choose a site…</option>
          <SiteOptions sites={sites} />
        </select>
      </label>
      {fieldError('siteId')}
      <label>
        Category
        <select value={form.category} onChange={(event) => set('category', event.target.value)} {...fieldProps('category')}>
          <option value="">Choose a category…</option>
          <CategoryOptions categories={categories} />
        </select>
      </label>
      {fieldError('category')}
      <label>
        Manufacturer
        <input value={form.manufacturer} onChange={(event) => set('manufacturer', event.target.value)} {...fieldProps('manufacturer')} />
      </label>
      {fieldError('manufacturer')}
      <label>
        Model
        <input value={form.model} onChange={(event) => set('model', event.target.value)} {...fieldProps('model')} />
      </label>
      {fieldError('model')}
      <label>
        Serial number
        <input value={form.serialNumber} onChange={(event) => set('serialNumber', event.target.value)} {...fieldProps('serialNumber')} />
      </label>
      {fieldError('serialNumber')}
      <label>
        Status
        <select value={form.status} onChange={(event) => set('status', ASSET_STATUSES.find((status) => status === event.target.value) ?? 'operational')}>
          {ASSET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ASSET_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Criticality (1 low – 5 high)
        <input type="number" min={1} max={5} value={form.criticality} onChange={(event) => set('criticality', Number(event.target.value))} {...fieldProps('criticality')} />
      </label>
      {fieldError('criticality')}
      <FieldError id="register-error" message={errorOutside(error, FORM_FIELDS)} />
      {!referenceReady && (
        <p className="muted" role="status">
          Sites and categories are still syncing to this device.
        </p>
      )}
      <button type="submit" className="primary" disabled={!referenceReady || busy}>
        Register asset
      </button>
    </form>
  );
}
