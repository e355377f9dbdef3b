type Props = {
  start: string;
  end: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
  /** The site's zone; undefined while the site has not reached this device (the inputs wait for it). */
  timeZone: string | undefined;
  /** Ids of the error messages the inputs point at. */
  describedBy: { start: string; end: string };
};

/**
 * A job's start and end as typed on its site's clock (components/zoned-time.ts), labelled with the
 * zone. Without the zone the inputs are disabled and say why: the device's clock under a site-time
 * label would move the job by the difference between the two zones.
 */
export function SiteTimeInputs({ start, end, onStart, onEnd, timeZone, describedBy }: Props) {
  const waiting = timeZone === undefined;
  const hintId = `${describedBy.start}-zone-wait`;
  const describe = (errorId: string) => (waiting ? `${hintId} ${errorId}` : errorId);
  return (
    <>
      <label>
        Start<span className="muted"> (site time{timeZone ? `, ${timeZone}` : ''})</span>
        <input type="datetime-local" value={start} disabled={waiting} onChange={(event) => onStart(event.target.value)} aria-describedby={describe(describedBy.start)} />
      </label>
      <label>
        End<span className="muted"> (site time)</span>
        <input type="datetime-local" value={end} disabled={waiting} onChange={(event) => onEnd(event.target.value)} aria-describedby={describe(describedBy.end)} />
      </label>
      {waiting && (
        <p id={hintId} className="hint" role="status" data-testid="zone-wait">
          Waiting for the site’s time zone to sync before the times can be shown or changed.
        </p>
      )}
    </>
  );
}
