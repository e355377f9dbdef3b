import { useState } from 'react';
import type { Site } from '@shared/schemas/site';
import type { WorkOrder } from '@shared/schemas/work-order';
import { FieldError } from '../../components/FieldError';
import { formatDay, formatTime } from '../../components/format';
import { GeolocationError, getCurrentPosition } from '../../platform/geolocation';
import { distanceMeters, formatDistance, mapLinks } from './geo';
import { useWorkOrderAction } from './useWorkOrderAction';
import { isTerminal, recordCheckIn } from './work-order-actions';

/** Beyond this the fix says little about where the engineer is (indoors, no GPS). */
const POOR_ACCURACY_M = 100;

/** "Check in here": records the device's position with its accuracy; location errors say what to do. */
export function CheckInSection({ wo, site, readOnly }: { wo: WorkOrder; site?: Site; readOnly: boolean }) {
  const { run, error } = useWorkOrderAction(wo.id);
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string>();
  const { checkIn } = wo;

  async function checkInHere() {
    setLocating(true);
    setLocationError(undefined);
    try {
      const position = await getCurrentPosition();
      await run((current) => recordCheckIn(current, position));
    } catch (caught) {
      setLocationError(caught instanceof GeolocationError ? caught.message : `Your location could not be read: ${String(caught)}`);
    } finally {
      setLocating(false);
    }
  }

  const message = locationError ?? error?.message;
  return (
    <section className="card">
      <h2 id="checkin-title">Check-in</h2>
      {checkIn ? (
        <div className="checkin" data-testid="checkin-recorded">
          <p>
            Checked in {formatDay(checkIn.at, site?.timezone)} at {formatTime(checkIn.at, site?.timezone)}
          </p>
          <p className={checkIn.accuracy > POOR_ACCURACY_M ? 'warning-text' : 'muted'}>
            Accuracy ±{formatDistance(checkIn.accuracy)}
            {checkIn.accuracy > POOR_ACCURACY_M && ' — low accuracy'}
            {site && ` · ${formatDistance(distanceMeters(checkIn, site.location))} from the site address`}
          </p>
          <a href={mapLinks(checkIn, 'Check-in').web} target="_blank" rel="noreferrer">
            Show check-in on a map
          </a>
        </div>
      ) : (
        <p className="muted">{readOnly ? 'Not checked in yet.' : 'Not checked in yet. Check in when you arrive: your position and its accuracy are recorded.'}</p>
      )}
      {!isTerminal(wo) && !readOnly && (
        <button
          type="button"
          className={checkIn ? undefined : 'primary'}
          disabled={locating}
          aria-describedby={message ? 'checkin-error' : undefined}
          onClick={() => void checkInHere()}
        >
          {locating ? 'Finding your position…' : checkIn ? 'Check in again' : 'Check in here'}
        </button>
      )}
      <FieldError id="checkin-error" message={message} />
    </section>
  );
}
