import { useState } from 'react';
import { PRIORITIES, type Priority } from '@shared/schemas/common';
import { ESCALATION_KINDS, type EscalationRule, type EscalationRules, type Recipients } from '@shared/schemas/rules';
import type { User } from '@shared/schemas/user';
import { FieldError } from '../../components/FieldError';
import { PRIORITY_LABELS } from '../../components/labels';
import { RecipientsFields } from './RecipientsFields';
import { problemsElsewhere, THRESHOLD_LABELS, type RuleProblems } from './rules-form';

type Props = { escalation: EscalationRules; people: readonly User[]; problems: RuleProblems; onChange: (escalation: EscalationRules) => void };

/** Who the SLA checker tells at each threshold: one fieldset per threshold, with optional recipients per priority. */
export function EscalationRulesSection({ escalation, people, problems, onChange }: Props) {
  return (
    <section className="card stack" aria-labelledby="escalation-title">
      <h2 id="escalation-title">Escalation: who is told</h2>
      <p className="hint">A threshold already reached keeps the recipients it had: a change applies to the next ones.</p>
      {ESCALATION_KINDS.map((kind) => (
        <ThresholdFields key={kind} path={`escalation.${kind}`} label={THRESHOLD_LABELS[kind]} rule={escalation[kind]} people={people} problems={problems} onChange={(rule) => onChange({ ...escalation, [kind]: rule })} />
      ))}
    </section>
  );
}

type ThresholdProps = { path: string; label: string; rule: EscalationRule; people: readonly User[]; problems: RuleProblems; onChange: (rule: EscalationRule) => void };

function ThresholdFields({ path, label, rule, people, problems, onChange }: ThresholdProps) {
  const overridden = PRIORITIES.filter((priority) => rule.byPriority[priority]);
  const free = PRIORITIES.filter((priority) => !rule.byPriority[priority]);
  const [adding, setAdding] = useState<Priority>();
  const chosen = adding && free.includes(adding) ? adding : free[0];
  const setOverride = (priority: Priority, recipients: Recipients | undefined) => {
    const byPriority = { ...rule.byPriority };
    if (recipients) byPriority[priority] = recipients;
    else delete byPriority[priority];
    onChange({ ...rule, byPriority });
  };
  const shown = ['groups', 'userIds', 'otherwise', ...overridden.map((priority) => `byPriority.${priority}`)].map((field) => `${path}.${field}`);
  return (
    <fieldset className="threshold" data-testid="threshold" data-kind={path.split('.')[1]}>
      <legend>{label}</legend>
      <RecipientsFields path={path} recipients={rule} people={people} problems={problems} onChange={(recipients) => onChange({ ...rule, ...recipients })} />
      {overridden.map((priority) => (
        <fieldset key={priority} className="threshold__priority" data-testid="priority-recipients" data-priority={priority}>
          <legend>Instead, for {PRIORITY_LABELS[priority].toLowerCase()} tickets</legend>
          <RecipientsFields path={`${path}.byPriority.${priority}`} recipients={rule.byPriority[priority] ?? rule} people={people} problems={problems} onChange={(recipients) => setOverride(priority, recipients)} />
          <button type="button" onClick={() => setOverride(priority, undefined)}>
            Use the recipients above for {PRIORITY_LABELS[priority].toLowerCase()} tickets
          </button>
        </fieldset>
      ))}
      {chosen && (
        <div className="inline-controls">
          <label>
            Different recipients for
            <select value={chosen} onChange={(event) => setAdding(free.find((priority) => priority === event.target.value))}>
              {free.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]} tickets
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setOverride(chosen, { groups: [...rule.groups], userIds: [...rule.userIds], otherwise: [...rule.otherwise] })}>
            Add
          </button>
        </div>
      )}
      <FieldError id={`${path}-other-error`.replace(/\./g, '-')} message={problemsElsewhere(problems, path, shown).join(' ') || undefined} />
    </fieldset>
  );
}
