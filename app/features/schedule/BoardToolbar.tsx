import { shiftDay } from './board-day';

type Props = {
  day: string;
  today: string;
  /** The board's clock: undefined for the device's. */
  timeZone?: string;
  deviceZone: string;
  siteZones: readonly { zone: string; codes: string }[];
  onDay: (day: string) => void;
  onZone: (zone: string | undefined) => void;
};

/** The day (picker, previous, next, today) and the clock the board runs on, both kept in the URL. */
export function BoardToolbar({ day, today, timeZone, deviceZone, siteZones, onDay, onZone }: Props) {
  return (
    <div className="board-toolbar">
      <button type="button" onClick={() => onDay(shiftDay(day, -1))} aria-label="Previous day">
        ◂ Previous
      </button>
      <label className="board-toolbar__day">
        Day
        <input type="date" value={day} required onChange={(event) => event.target.value && onDay(event.target.value)} />
      </label>
      <button type="button" onClick={() => onDay(shiftDay(day, 1))} aria-label="Next day">
        Next ▸
      </button>
      <button type="button" onClick={() => onDay(today)} disabled={day === today}>
        Today
      </button>
      <label className="board-toolbar__zone">
        Clock
        <select value={timeZone ?? ''} onChange={(event) => onZone(event.target.value || undefined)}>
          <option value="">This device ({deviceZone})</option>
          {siteZones
            .filter((entry) => entry.zone !== deviceZone)
            .map((entry) => (
              <option key={entry.zone} value={entry.zone}>
                {entry.zone} ({entry.codes})
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
