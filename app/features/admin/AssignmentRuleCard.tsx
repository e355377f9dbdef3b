import { useState } from 'react';
import { PRIORITIES } from '@shared/schemas/common';
import type { Category } from '@shared/schemas/misc';
import type { AssignmentRule } from '@shared/schemas/rules';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { FieldError } from '../../components/FieldError';
import { markInvalid } from '../../components/field-problems';
import { PRIORITY_LABELS } from '../../components/labels';
import { TextField } from './FormFields';
import { problemAt, problemsElsewhere, readMinScore, toggled, type RuleProblems } from './rules-form';

type Props = {
  rule: AssignmentRule;
  index: number;
  count: number;
  engineers: readonly User[];
  sites: readonly Site[];
  categories: readonly Category[];
  problems: RuleProblems;
  onChange: (rule: AssignmentRule) => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
};

/** One assignment rule: its name, whether it is on, what it matches, and who it assigns to. */
export function AssignmentRuleCard({ rule, index, count, engineers, sites, categories, problems, onChange, onMove, onDelete }: Props) {
  const path = `assignment[${index}]`;
  const id = (field: string) => `rule-${rule.id}-${field}`;
  // Typed as text, so a half-typed number is not lost; the rule holds what it reads as.
  const [minScore, setMinScore] = useState(rule.action.kind === 'best_ranked' && rule.action.minScore !== undefined ? String(rule.action.minScore) : '');
  const set = (patch: Partial<AssignmentRule>) => onChange({ ...rule, ...patch });
  const setMatch = (patch: Partial<AssignmentRule['match']>) => set({ match: { ...rule.match, ...patch } });
  const namedId = rule.action.kind === 'engineer' ? rule.action.engineerId : undefined;
  const engineerProblem = problemAt(problems, `${path}.action.engineerId`);
  const minScoreProblem = problemAt(problems, `${path}.action.minScore`);
  const shown = ['name', 'enabled', 'match', 'action.engineerId', 'action.minScore'].map((field) => `${path}.${field}`);
  const title = rule.name.trim() || 'New rule';
  return (
    <li className="card stack assignment-rule" data-testid="assignment-rule" data-name={rule.name} aria-label={`Rule ${index + 1}: ${title}`}>
      <h3>
        {index + 1}. {title} {!rule.enabled && <span className="muted">(off)</span>}
      </h3>
      <TextField id={id('name')} label="Rule name (the ticket’s history names it)" value={rule.name} problem={problemAt(problems, `${path}.name`)} onChange={(name) => set({ name })} />
      <label className="checkbox">
        <input type="checkbox" checked={rule.enabled} onChange={(event) => set({ enabled: event.target.checked })} />
        On: new tickets are assigned by this rule
      </label>
      <fieldset className="site-picker">
        <legend>Tickets it applies to (nothing ticked in a list: any)</legend>
        <Checks label="Categories" all={categories.map((category) => category.name)} selected={rule.match.categories} nameOf={(name) => name} onChange={(categories) => setMatch({ categories })} />
        <Checks label="Sites" all={sites.map((site) => site.id)} selected={rule.match.siteIds} nameOf={(siteId) => sites.find((site) => site.id === siteId)?.name ?? siteId} onChange={(siteIds) => setMatch({ siteIds })} />
        <Checks label="Priorities" all={PRIORITIES} selected={rule.match.priorities} nameOf={(priority) => PRIORITY_LABELS[priority]} onChange={(priorities) => setMatch({ priorities })} />
        <FieldError id={id('match-error')} message={problemAt(problems, `${path}.match`)} />
      </fieldset>
      <label>
        Assign to
        <select
          id={id('assignee')}
          value={namedId ?? ''}
          onChange={(event) => set({ action: event.target.value ? { kind: 'engineer', engineerId: event.target.value } : { kind: 'best_ranked', ...bestRankedMin(minScore) } })}
          {...markInvalid(id('assignee-error'), engineerProblem)}
        >
          <option value="">The best-ranked engineer (as the desk’s suggestions rank them)</option>
          {engineers.map((engineer) => (
            <option key={engineer.id} value={engineer.id}>
              {engineer.fullName}
            </option>
          ))}
          {/* Named before they left: shown, so the rule says what it holds (it passes tickets on). */}
          {namedId && !engineers.some((engineer) => engineer.id === namedId) && <option value={namedId}>{namedId} (not an active engineer)</option>}
        </select>
      </label>
      <FieldError id={id('assignee-error')} message={engineerProblem} />
      {rule.action.kind === 'best_ranked' && (
        <TextField
          id={id('minScore')}
          label="Only when their score is at least (0–100; empty: any score)"
          inputMode="decimal"
          value={minScore}
          problem={minScoreProblem}
          onChange={(text) => {
            setMinScore(text);
            set({ action: { kind: 'best_ranked', ...bestRankedMin(text) } });
          }}
        />
      )}
      <FieldError id={id('other-error')} message={problemsElsewhere(problems, path, shown).join(' ') || undefined} />
      <div className="inline-controls">
        <button type="button" onClick={() => onMove(-1)} disabled={index === 0}>
          Move up
        </button>
        <button type="button" onClick={() => onMove(1)} disabled={index === count - 1}>
          Move down
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          Delete rule
        </button>
      </div>
    </li>
  );
}

function bestRankedMin(text: string): { minScore?: number } {
  const minScore = readMinScore(text);
  return minScore === undefined ? {} : { minScore };
}

type ChecksProps<T extends string> = { label: string; all: readonly T[]; selected: readonly T[]; nameOf: (value: T) => string; onChange: (selected: T[]) => void };

/** Checkboxes for a list; a value the rule holds that is no longer offered (a renamed category) stays visible, ticked. */
function Checks<T extends string>({ label, all, selected, nameOf, onChange }: ChecksProps<T>) {
  const values = [...all, ...selected.filter((value) => !all.includes(value))];
  return (
    <fieldset className="rule-checks">
      <legend>{label}</legend>
      {values.map((value) => (
        <label key={value} className="checkbox">
          <input type="checkbox" checked={selected.includes(value)} onChange={(event) => onChange(toggled(values, selected, value, event.target.checked))} />
          {nameOf(value)}
        </label>
      ))}
    </fieldset>
  );
}
