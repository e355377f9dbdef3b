import { useRef, type FormEvent } from 'react';
import type { WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { useWorkOrderAction } from './useWorkOrderAction';
import { addPart, isTerminal } from './work-order-actions';

const FORM_FIELDS = ['partNo', 'description', 'qty'];

/** Parts used on the job. The list is append-only: a mistake is corrected with a note. */
export function PartsSection({ wo }: { wo: WorkOrder }) {
  const { run, error, busy } = useWorkOrderAction(wo.id);
  const form = useRef<HTMLFormElement>(null);
  // A schema error names e.g. `parts.3.qty`; the form's own checks name `qty`.
  const errorField = error?.field.replace(/^parts\.\d+\./, '');
  const errorFor = (field: string) => (errorField === field ? error?.message : undefined);
  const otherError = errorField && !FORM_FIELDS.includes(errorField) ? error?.message : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { partNo: String(data.get('partNo') ?? ''), description: String(data.get('description') ?? ''), qty: String(data.get('qty') ?? '') };
    if (await run((current) => addPart(current, input))) {
      form.current?.reset();
      form.current?.querySelector<HTMLInputElement>('input[name="partNo"]')?.focus();
    }
  }

  return (
    <section className="card">
      <h2 id="parts-title">Parts used</h2>
      {wo.parts.length === 0 ? (
        <p className="muted">No parts recorded.</p>
      ) : (
        <ul className="plain-list">
          {wo.parts.map((part) => (
            <li key={part.id} data-testid="part">
              <strong>{part.qty} ×</strong> {part.partNo}
              {part.description && <span className="muted"> — {part.description}</span>}
            </li>
          ))}
        </ul>
      )}
      {!isTerminal(wo) && (
        <form ref={form} className="stack" onSubmit={(event) => void submit(event)} noValidate>
          <label>
            Part number
            <input name="partNo" autoCapitalize="characters" autoComplete="off" maxLength={60} aria-invalid={Boolean(errorFor('partNo'))} aria-describedby={errorFor('partNo') ? 'part-no-error' : undefined} />
          </label>
          <FieldError id="part-no-error" message={errorFor('partNo')} />
          <label>
            Description
            <input name="description" autoComplete="off" maxLength={200} aria-describedby={errorFor('description') ? 'part-description-error' : undefined} />
          </label>
          <FieldError id="part-description-error" message={errorFor('description')} />
          <label>
            Quantity
            <input name="qty" inputMode="decimal" defaultValue="1" aria-invalid={Boolean(errorFor('qty'))} aria-describedby={errorFor('qty') ? 'part-qty-error' : undefined} />
          </label>
          <FieldError id="part-qty-error" message={errorFor('qty')} />
          <button type="submit" disabled={busy}>
            Add part
          </button>
          <FieldError id="part-error" message={otherError} />
        </form>
      )}
    </section>
  );
}
