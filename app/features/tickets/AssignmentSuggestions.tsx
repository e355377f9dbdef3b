import type { EngineerScore } from '@shared/domain/assignment';

/**
 * Engineers ranked by the documented score (shared/domain/assignment.ts), each with why: the
 * points per part and the facts behind them. Radio buttons: one pick, arrow keys move it.
 */
export function AssignmentSuggestions({ ranked, selected, onSelect }: { ranked: EngineerScore[]; selected: string; onSelect: (id: string) => void }) {
  if (ranked.length === 0) return <p className="muted">No active engineers on this device yet.</p>;
  return (
    <fieldset className="suggestions" data-testid="suggestions">
      <legend>Suggested engineers (best first)</legend>
      <ol className="plain-list">
        {ranked.map((entry, index) => (
          <li key={entry.engineer.id} data-testid="suggestion" data-engineer={entry.engineer.username}>
            <label className="suggestion">
              <input type="radio" name="assignee" value={entry.engineer.id} checked={selected === entry.engineer.id} onChange={() => onSelect(entry.engineer.id)} />
              <span>
                <strong>
                  {index + 1}. {entry.engineer.fullName}
                </strong>{' '}
                <span className="score" aria-label={`score ${entry.score} of 100`}>
                  {entry.score}
                </span>
                <span className="suggestion__reasons">
                  {entry.reasons.map((reason) => (
                    <span key={reason.part}>
                      {reason.part} {reason.points}: {reason.text}
                    </span>
                  ))}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
