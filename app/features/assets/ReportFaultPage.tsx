import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useBusy } from '../../components/useBusy';
import { Link, useNavigate } from 'react-router';
import { map } from 'rxjs';
import { PRIORITIES, type Priority } from '@shared/schemas/common';
import type { Asset } from '@shared/schemas/asset';
import type { Category, SlaPolicy } from '@shared/schemas/misc';
import { FieldError } from '../../components/FieldError';
import { PRIORITY_LABELS } from '../../components/labels';
import { toDomain, useLiveQuery } from '../../db/hooks';
import { base64ToDataUrl, compressImage, type CompressedImage } from '../../platform/image';
import { useSession } from '../../session/SessionContext';
import { describeActionError, errorFor, errorOutside, type ActionError } from '../work-orders/useWorkOrderAction';
import { buildFaultTicket, saveFaultReport } from './report-fault';
import { ScannedAsset } from './ScannedAsset';
import './assets.css';
import '../../components/ticket-photos.css';

/** `/a/:tag/report` — report a fault on the scanned asset; works offline (the ticket syncs later). */
export function ReportFaultPage() {
  return <ScannedAsset>{(asset) => <FaultForm asset={asset} />}</ScannedAsset>;
}

function FaultForm({ asset }: { asset: Asset }) {
  const { db, user } = useSession();
  const navigate = useNavigate();
  const ids = { description: useId(), photo: useId(), error: useId() };
  const categories = useLiveQuery((database) => database.categories.find().$.pipe(map((docs) => docs.map((doc) => toDomain<Category>(doc.toJSON())))), [], []);
  const policies = useLiveQuery((database) => database.slaPolicies.find().$.pipe(map((docs) => docs.map((doc) => toDomain<SlaPolicy>(doc.toJSON())))), [], []);
  const [category, setCategory] = useState<string>();
  const [priority, setPriority] = useState<Priority>();
  const [description, setDescription] = useState('');
  const [photo, setPhoto] = useState<CompressedImage>();
  const [photoBusy, setPhotoBusy] = useState(false);
  const [error, setError] = useState<ActionError>();
  const { busy, guard } = useBusy();

  // Defaults follow the asset: its own category and that category's usual priority.
  const chosenCategory = category ?? categories.find((candidate) => candidate.name === asset.category)?.name ?? categories[0]?.name ?? asset.category;
  const chosenPriority = priority ?? categories.find((candidate) => candidate.name === chosenCategory)?.defaultPriority ?? 'medium';

  async function choosePhoto(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setPhotoBusy(true);
    try {
      setPhoto(await compressImage(file));
      setError(undefined);
    } catch (caught) {
      setError({ message: caught instanceof Error ? caught.message : String(caught), field: 'photo' });
    } finally {
      setPhotoBusy(false);
    }
  }

  // One report per press: a double tap would otherwise file the fault twice (useBusy).
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return guard(async () => {
      try {
        const now = new Date();
        const ticket = buildFaultTicket({ asset, input: { category: chosenCategory, priority: chosenPriority, description }, reporter: user, policies, now });
        await saveFaultReport(db, ticket, photo, user.id, now);
        void navigate(`/reports/${ticket.id}`, { replace: true });
      } catch (caught) {
        setError(describeActionError(caught));
      }
    });
  };

  const otherError = errorOutside(error, ['category', 'description', 'photo']);
  const describedBy = (field: string, base?: string) => [base, errorFor(error, field) ? `${ids.error}-${field}` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form className="stack asset-page" onSubmit={(event) => void submit(event)} noValidate data-testid="fault-form">
      <Link to={`/a/${encodeURIComponent(asset.tag)}`} className="back-link">
        ← {asset.tag}
      </Link>
      <h1>Report a fault</h1>
      <p>
        <strong>{asset.name}</strong> · {asset.tag}
      </p>
      <label>
        Kind of fault
        <select name="category" value={chosenCategory} onChange={(event) => setCategory(event.target.value)} aria-describedby={describedBy('category')}>
          {categories.map((candidate) => (
            <option key={candidate.id} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
          {!categories.some((candidate) => candidate.name === chosenCategory) && <option value={chosenCategory}>{chosenCategory}</option>}
        </select>
      </label>
      <FieldError id={`${ids.error}-category`} message={errorFor(error, 'category')} />
      <fieldset className="priority-choice">
        <legend>How urgent is it?</legend>
        {PRIORITIES.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="priority" value={value} checked={chosenPriority === value} onChange={() => setPriority(value)} />
            {PRIORITY_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.description}>What is wrong?</label>
      <textarea
        id={ids.description}
        name="description"
        rows={5}
        maxLength={10_000}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        aria-invalid={Boolean(errorFor(error, 'description')) || undefined}
        aria-describedby={describedBy('description')}
      />
      <FieldError id={`${ids.error}-description`} message={errorFor(error, 'description')} />
      <div className="field">
        <label htmlFor={ids.photo}>Photo (optional)</label>
        <input id={ids.photo} name="photo" type="file" accept="image/*" capture="environment" disabled={photoBusy} onChange={(event) => void choosePhoto(event)} aria-describedby={describedBy('photo')} />
        {photoBusy && <p role="status">Preparing the photo…</p>}
        {photo && (
          <p className="badge-row">
            <img className="fault-photo" src={base64ToDataUrl(photo.base64, photo.contentType)} alt="The photo to send with the report" data-testid="fault-photo-preview" />
            <button type="button" onClick={() => setPhoto(undefined)}>
              Remove photo
            </button>
          </p>
        )}
      </div>
      <FieldError id={`${ids.error}-photo`} message={errorFor(error, 'photo')} />
      <FieldError id={ids.error} message={otherError} />
      <button type="submit" className="primary" disabled={busy || photoBusy}>
        Send fault report
      </button>
      <p className="hint">Saved on this device at once; it reaches the desk as soon as you are online.</p>
    </form>
  );
}
