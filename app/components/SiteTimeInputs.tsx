type Props = {
  start: string;
  end: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
  timeZone?: string;
  /** Ids of the error messages the inputs point at. */
  describedBy: { start: string; end: string };
};

/** A job's start and end as typed on its site's clock (components/zoned-time.ts), labelled with the zone. */
export function SiteTimeInputs({ start, end, onStart, onEnd, timeZone, describedBy }: Props) {
  return (
    <>
      <label>
        Start{timeZone && <span className="muted"> (site time, {timeZone})</span>}
        <input type="datetime-local" value={start} onChange={(event) => onStart(event.target.value)} aria-describedby={describedBy.start} />
      </label>
      <label>
        End{timeZone && <span className="muted"> (site time)</span>}
        <input type="datetime-local" value={end} onChange={(event) => onEnd(event.target.value)} aria-describedby={describedBy.end} />
      </label>
    </>
  );
}
