import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { WORK_ORDER_MACHINE } from '@shared/domain/state-machine';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '@shared/schemas/attachment';
import type { WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { formatTime } from '../../components/format';
import { UnsyncedMarker } from '../../components/UnsyncedMarker';
import { addWorkOrderPhoto } from '../../db/attachments';
import { useDocumentsByIds } from '../../db/useDocumentsByIds';
import { LocalValidationError } from '../../db/writes';
import { base64ToDataUrl, compressImage, formatKilobytes, ImageTooLargeError, UnsupportedImageError } from '../../platform/image';
import { useSession } from '../../session/SessionContext';

/**
 * Photos of a work order: taken with the camera (or chosen from files), resized and compressed on
 * the device, stored offline as attachment documents and replicated when online.
 */
export function PhotosSection({ workOrder }: { workOrder: WorkOrder }) {
  const { db, user } = useSession();
  const [progress, setProgress] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [inputFocused, setInputFocused] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  // Live: a photo taken on another device appears once its attachment has synced here.
  const attachments = useDocumentsByIds('attachments', workOrder.photos);
  const canAdd = !WORK_ORDER_MACHINE.terminal.includes(workOrder.status);

  async function addPhotos(files: File[]) {
    const failures: string[] = [];
    setErrors([]);
    for (const [index, file] of files.entries()) {
      setProgress(files.length > 1 ? `Adding photo ${index + 1} of ${files.length}…` : 'Adding photo…');
      try {
        await addWorkOrderPhoto(db, workOrder, await compressImage(file), user.id);
      } catch (error) {
        failures.push(describePhotoError(error, files.length > 1 ? file.name : undefined));
      }
    }
    setProgress(null);
    setErrors(failures);
  }

  function onFilesChosen(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []);
    // Cleared so choosing the same file again still fires a change.
    event.currentTarget.value = '';
    if (files.length > 0) void addPhotos(files);
  }

  return (
    <section className="card photos" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Photos</h2>
      {workOrder.photos.length === 0 ? (
        <p className="muted">No photos yet.</p>
      ) : (
        <ul className="photos__grid" style={GRID}>
          {workOrder.photos.map((id, index) => (
            <PhotoThumb key={id} id={id} index={index} attachment={attachments.get(id)} />
          ))}
        </ul>
      )}
      {canAdd && (
        <div className="photos__add">
          {/* The label is the big touch target; the input stays in the tab order for keyboard users. */}
          <label htmlFor={inputId} className="button photos__add-button" style={inputFocused ? FOCUS_RING : undefined}>
            Add photo
          </label>
          <input
            id={inputId}
            className="visually-hidden"
            style={VISUALLY_HIDDEN}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            disabled={progress !== null}
            aria-describedby={errors.length > 0 ? `${hintId} ${errorId}` : hintId}
            onFocus={() => setInputFocused(true)}
            onBlur={() => setInputFocused(false)}
            onChange={onFilesChosen}
          />
          <p id={hintId} className="hint">
            Take a photo with the camera or choose an image file. Photos are resized to at most {formatKilobytes(MAX_ATTACHMENT_BYTES)}.
          </p>
        </div>
      )}
      {progress && (
        <p role="status" className="photos__progress">
          {progress}
        </p>
      )}
      <FieldError id={errorId} message={errors.length > 0 ? errors.join(' ') : undefined} />
    </section>
  );
}

function PhotoThumb({ id, index, attachment }: { id: string; index: number; attachment: Attachment | undefined }) {
  const data = attachment?.data;
  const contentType = attachment?.contentType;
  // Keyed on the bytes: every live-query emission brings new objects, the photo itself never changes.
  const src = useMemo(() => (data && contentType ? base64ToDataUrl(data, contentType) : undefined), [data, contentType]);
  return (
    <li className="photos__item" style={ITEM}>
      {src && attachment ? (
        <img data-testid="photo-thumb" className="photos__thumb" style={THUMB} src={src} alt={`Photo ${index + 1}, added at ${formatTime(attachment.createdAt)}`} />
      ) : (
        // Another device took it and its bytes have not reached this one yet.
        <div className="photos__placeholder" style={THUMB} role="img" aria-label={`Photo ${index + 1}: syncing`} data-testid="photo-syncing">
          Photo syncing
        </div>
      )}
      <UnsyncedMarker collection="attachments" id={id} />
    </li>
  );
}

function describePhotoError(error: unknown, fileName?: string): string {
  const prefix = fileName ? `${fileName}: ` : '';
  if (error instanceof ImageTooLargeError || error instanceof UnsupportedImageError) return prefix + error.message;
  if (error instanceof LocalValidationError) return `${prefix}The photo could not be saved (${error.message}).`;
  return `${prefix}The photo could not be saved: ${error instanceof Error ? error.message : String(error)}`;
}

/** Thumbnail layout inline, so a full-size photo never floods a phone screen whatever the stylesheet does. */
const GRID = { listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '8px' } as const;
const ITEM = { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '4px' } as const;
const THUMB = { width: '96px', height: '96px', objectFit: 'cover', display: 'grid', placeItems: 'center', textAlign: 'center' } as const;

/** The hidden input has the keyboard focus, so its visible label shows where the focus is. */
const FOCUS_RING = { outline: '3px solid currentColor', outlineOffset: '2px' } as const;

/** Inline so the input is hidden correctly even before the stylesheet has loaded. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
