import { map } from 'rxjs';
import type { Attachment } from '@shared/schemas/attachment';
import { toDomain, useLiveQuery } from '../db/hooks';
import { base64ToDataUrl } from '../platform/image';
import './ticket-photos.css';

/**
 * The photos a ticket was reported with: whoever can read the ticket holds them (they replicate
 * with it), so the desk and the engineer on the job see what the reporter saw.
 */
export function TicketPhotos({ ticketId }: { ticketId: string }) {
  const photos = useLiveQuery(
    (db) => db.attachments.find({ selector: { ownerId: ticketId } }).$.pipe(map((docs) => docs.map((doc) => toDomain<Attachment>(doc.toJSON())).filter((photo) => photo.kind === 'photo'))),
    [ticketId],
    [] as Attachment[],
  );
  if (photos.length === 0) return null;
  return (
    <ul className="fault-photos">
      {photos.map((photo, index) => (
        <li key={photo.id}>
          <img className="fault-photo" src={base64ToDataUrl(photo.data, photo.contentType)} alt={`Photo ${index + 1} of the fault`} data-testid="ticket-photo" />
        </li>
      ))}
    </ul>
  );
}
