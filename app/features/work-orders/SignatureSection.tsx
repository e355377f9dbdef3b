import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import type { WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { formatDay, formatTime } from '../../components/format';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { saveWorkOrderSignature } from '../../db/attachments';
import { useDocument } from '../../db/hooks';
import { LocalValidationError } from '../../db/writes';
import { base64ToDataUrl, compressImage } from '../../platform/image';
import { SignaturePad } from '../../platform/signature-pad';
import { useSession } from '../../session/SessionContext';
import { markSignatureUnsaved, trackSignatureSave } from './unsaved-signature';

type Signature = NonNullable<WorkOrder['signature']>;
type FieldError = { field: 'pad' | 'name' | 'save'; message: string };

const NAME_MAX = 120;

/** The customer signs on the device; the image is stored offline as an attachment and replicated. */
export function SignatureSection({ workOrder, readOnly }: { workOrder: WorkOrder; readOnly: boolean }) {
  const titleId = useId();
  const [replacing, setReplacing] = useState(false);
  // The signature just saved, shown at once instead of waiting for the live query to catch up.
  const [justSaved, setJustSaved] = useState<Signature | null>(null);
  const signature = latestSignature(workOrder.signature, justSaved);
  const terminal = WORK_ORDER_MACHINE.terminal.includes(workOrder.status);
  const canSign = !terminal && !readOnly;

  function onSaved(saved: Signature | undefined) {
    setJustSaved(saved ?? null);
    setReplacing(false);
  }

  return (
    <section className="card signature" aria-labelledby={titleId}>
      <h2 id={titleId}>Customer signature</h2>
      {signature && !replacing ? (
        <>
          <SignedView signature={signature} />
          {canSign && (
            <button type="button" onClick={() => setReplacing(true)}>
              Sign again
            </button>
          )}
        </>
      ) : canSign ? (
        <SignatureForm workOrder={workOrder} onSaved={onSaved} onCancel={replacing ? () => setReplacing(false) : undefined} />
      ) : (
        <p className="muted">{terminal ? 'No signature was captured.' : 'No signature yet. The customer signs on the engineer’s phone.'}</p>
      )}
    </section>
  );
}

/** ISO timestamps compare as strings; a newer one synced from elsewhere wins over ours. */
function latestSignature(stored: Signature | undefined, justSaved: Signature | null): Signature | undefined {
  if (!justSaved) return stored;
  if (!stored) return justSaved;
  return justSaved.at > stored.at ? justSaved : stored;
}

function SignedView({ signature }: { signature: Signature }) {
  const attachment = useDocument('attachments', signature.attachmentId);
  const data = attachment?.data;
  const contentType = attachment?.contentType;
  const src = useMemo(() => (data && contentType ? base64ToDataUrl(data, contentType) : undefined), [data, contentType]);
  return (
    <figure className="signature__saved" data-testid="signature-saved">
      {src ? (
        <img className="signature__image" src={src} alt={`Signature of ${signature.name}`} style={SIGNATURE_IMAGE} />
      ) : (
        // Signed on another device; the image has not reached this one yet.
        <div className="signature__placeholder" role="img" aria-label="Signature image syncing">
          Signature syncing
        </div>
      )}
      <figcaption>
        Signed by <strong>{signature.name}</strong> on {formatDay(signature.at)} at {formatTime(signature.at)}{' '}
        <UnsyncedMarker collection="attachments" id={signature.attachmentId} />
      </figcaption>
    </figure>
  );
}

type FormProps = { workOrder: WorkOrder; onSaved: (signature: Signature | undefined) => void; onCancel: (() => void) | undefined };

function SignatureForm({ workOrder, onSaved, onCancel }: FormProps) {
  const { db, user } = useSession();
  const ids = { instructions: useId(), name: useId(), padError: useId(), nameError: useId(), saveError: useId() };
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [name, setName] = useState('');
  const [typed, setTyped] = useState(false);
  const [saving, setSaving] = useState(false);
  const [hasInk, setHasInk] = useState(false);
  const [error, setError] = useState<FieldError | null>(null);
  const unsaved = hasInk || name.trim() !== '';

  useEffect(() => {
    markSignatureUnsaved(workOrder.id, unsaved);
  }, [workOrder.id, unsaved]);
  // Saved, cancelled or left: nothing is waiting any more.
  useEffect(() => () => markSignatureUnsaved(workOrder.id, false), [workOrder.id]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const pad = new SignaturePad(canvas, (state) => {
      setTyped(state.typed);
      setHasInk(state.hasInk);
      if (state.hasInk) setError((current) => (current?.field === 'pad' ? null : current));
    });
    padRef.current = pad;
    const detach = pad.attach();
    return () => {
      detach();
      padRef.current = null;
    };
  }, []);

  function refuse(field: FieldError['field'], message: string) {
    setError({ field, message });
    if (field === 'name') nameRef.current?.focus();
  }

  function signWithTypedName() {
    if (!name.trim()) return refuse('name', 'Type the customer’s name first, then choose “Sign with typed name”.');
    padRef.current?.signWithText(name);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const pad = padRef.current;
    const customer = name.trim();
    if (!pad?.hasEnoughInk()) return refuse('pad', 'The signature box is empty: ask the customer to sign in it first.');
    if (!customer) return refuse('name', 'Enter the name of the customer who signed.');
    // A typed signature shows the name as it is now, not as it was when the button was pressed.
    if (typed) pad.signWithText(customer);
    setSaving(true);
    setError(null);
    // "Complete job" pressed while this runs waits for it instead of finding the signature unsaved.
    await trackSignatureSave(workOrder.id, storeSignature(pad, customer));
  }

  async function storeSignature(pad: SignaturePad, customer: string): Promise<boolean> {
    try {
      const image = await compressImage(await pad.toPngBlob(), { type: 'image/png', maxDimension: 1200 });
      const saved = await saveWorkOrderSignature(db, workOrder, { name: customer, image, userId: user.id });
      // At once, not when the form unmounts on the next render: a completion pressed in between proceeds.
      markSignatureUnsaved(workOrder.id, false);
      onSaved(saved.signature);
      return true;
    } catch (failure) {
      if (failure instanceof LocalValidationError && failure.field.startsWith('signature.name')) refuse('name', `Customer name: ${failure.message}`);
      else refuse('save', `The signature could not be saved: ${failure instanceof Error ? failure.message : String(failure)}`);
      return false;
    } finally {
      setSaving(false);
    }
  }

  function clear() {
    padRef.current?.clear();
    setError(null);
  }

  return (
    <form className="signature__form" onSubmit={(event) => void save(event)} noValidate>
      <p id={ids.instructions} className="hint">
        Ask the customer to sign in the box with a finger, stylus or mouse. Cannot draw (for example with a keyboard)? Type the customer’s name
        below and choose “Sign with typed name”.
      </p>
      <canvas
        ref={canvasRef}
        data-testid="signature-pad"
        className="signature__pad"
        role="img"
        aria-label={typed ? `Signature pad, signed with the typed name ${name.trim()}` : 'Signature pad'}
        aria-describedby={error?.field === 'pad' ? `${ids.instructions} ${ids.padError}` : ids.instructions}
        style={PAD_STYLE}
      />
      <FieldError id={ids.padError} message={error?.field === 'pad' ? error.message : undefined} />
      <div className="field">
        <label htmlFor={ids.name}>Customer name</label>
        <input
          id={ids.name}
          ref={nameRef}
          value={name}
          maxLength={NAME_MAX}
          autoComplete="name"
          aria-invalid={error?.field === 'name'}
          aria-describedby={error?.field === 'name' ? ids.nameError : undefined}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <FieldError id={ids.nameError} message={error?.field === 'name' ? error.message : undefined} />
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving} aria-busy={saving}>
          Save signature
        </button>
        <button type="button" onClick={clear} disabled={saving}>
          Clear
        </button>
        <button type="button" onClick={signWithTypedName} disabled={saving}>
          Sign with typed name
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={saving}>
            Keep current signature
          </button>
        )}
      </div>
      {saving && <p role="status">Saving the signature…</p>}
      <FieldError id={ids.saveError} message={error?.field === 'save' ? error.message : undefined} />
    </form>
  );
}

/** White paper in light and dark themes alike: the ink is dark. */
const PAPER = { backgroundColor: '#ffffff' } as const;
/** Exported at the device pixel ratio, so shown no wider than the screen. */
const SIGNATURE_IMAGE = { ...PAPER, display: 'block', maxWidth: '100%', height: 'auto' } as const;

/** Inline because the pad is unusable without them: `touch-action: none` stops a finger from scrolling the page instead. */
const PAD_STYLE = {
  ...PAPER,
  touchAction: 'none',
  display: 'block',
  width: '100%',
  height: '180px',
  border: '2px solid currentColor',
  borderRadius: '8px',
  cursor: 'crosshair',
} as const;
