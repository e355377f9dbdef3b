import { useState, type FormEvent } from 'react';
import type { WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { formatDay, formatTime } from '../../components/format';
import { useSession } from '../../session/SessionContext';
import { isSignatureUnsaved, signatureSaveUnderWay, useSignatureUnsaved } from './unsaved-signature';
import { useWorkOrderAction } from './useWorkOrderAction';
import { canComplete, completeWorkOrder, isTerminal, runningTimer } from './work-order-actions';

/**
 * Closing the job: a resolution is required. The draft is kept on the work order when the field
 * loses focus, so a reload or a flat battery does not lose a long write-up.
 */
export function CompletionSection({ wo, timeZone }: { wo: WorkOrder; timeZone?: string }) {
  const { user } = useSession();
  const { run, error, busy } = useWorkOrderAction(wo.id);
  // Its own action, so saving the draft on blur never disables "Complete job" under the pointer.
  const draft = useWorkOrderAction(wo.id);
  const [resolution, setResolution] = useState(wo.resolution ?? '');
  const signatureUnsaved = useSignatureUnsaved(wo.id);
  const [signatureBlocked, setSignatureBlocked] = useState(false);

  if (wo.status === 'completed') {
    return (
      <section className="card">
        <h2 id="completion-title">Completed</h2>
        {wo.completedAt && (
          <p>
            Completed {formatDay(wo.completedAt, timeZone)} at {formatTime(wo.completedAt, timeZone)}
          </p>
        )}
        <p className="thread__body" data-testid="resolution">
          {wo.resolution}
        </p>
      </section>
    );
  }
  if (isTerminal(wo)) return <p className="page-message">This work order was cancelled.</p>;

  const allowed = canComplete(wo, user.role);
  const open = wo.checklist.filter((item) => !item.done).length;
  const saveDraft = () => {
    if (resolution !== (wo.resolution ?? '')) void draft.run((current) => ({ ...current, resolution }));
  };
  const message = (signatureBlocked && signatureUnsaved ? 'The customer’s signature is not saved: press “Save signature” above (or “Clear”), then complete the job.' : undefined) ?? error?.message ?? draft.error?.message;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // "Save signature" pressed a moment ago: complete once it is stored, with the signature on the job.
    const saveUnderWay = signatureSaveUnderWay(wo.id);
    const signatureReady = saveUnderWay ? await saveUnderWay : !isSignatureUnsaved(wo.id);
    setSignatureBlocked(!signatureReady);
    if (!signatureReady) return;
    await run((current, now) => completeWorkOrder(current, resolution, user.role, now));
  }

  return (
    <section className="card">
      <h2 id="completion-title">Complete the job</h2>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <label>
          Resolution
          <textarea
            name="resolution"
            rows={4}
            maxLength={5000}
            value={resolution}
            onChange={(event) => setResolution(event.target.value)}
            onBlur={saveDraft}
            placeholder="What was wrong and what you did"
            aria-describedby={message ? 'resolution-error' : undefined}
          />
        </label>
        <FieldError id="resolution-error" message={message} />
        {allowed && open > 0 && (
          <p className="warning-text">
            {open} checklist item{open === 1 ? ' is' : 's are'} not ticked.
          </p>
        )}
        {allowed && !wo.signature && !signatureUnsaved && <p className="warning-text">No customer signature yet.</p>}
        {allowed && runningTimer(wo) && <p className="muted">Completing stops the running timer.</p>}
        {allowed ? (
          <button type="submit" className="primary" disabled={busy}>
            Complete job
          </button>
        ) : (
          <p className="muted">You can complete the job once you are on site.</p>
        )}
      </form>
    </section>
  );
}
