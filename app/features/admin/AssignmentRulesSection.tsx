import type { Category } from '@shared/schemas/misc';
import type { AssignmentRule } from '@shared/schemas/rules';
import type { Site } from '@shared/schemas/site';
import type { User } from '@shared/schemas/user';
import { FieldError } from '../../components/FieldError';
import { AssignmentRuleCard } from './AssignmentRuleCard';
import { moveRule, newAssignmentRule, type RuleProblems } from './rules-form';

type Props = {
  rules: readonly AssignmentRule[];
  engineers: readonly User[];
  sites: readonly Site[];
  categories: readonly Category[];
  problems: RuleProblems;
  onChange: (rules: AssignmentRule[]) => void;
};

/** The ordered assignment rules: add, edit, reorder, switch off, delete. Nothing is sent until the page's Save. */
export function AssignmentRulesSection({ rules, engineers, sites, categories, problems, onChange }: Props) {
  const replace = (index: number, rule: AssignmentRule) => onChange(rules.map((current, at) => (at === index ? rule : current)));
  return (
    <section className="card stack" aria-labelledby="assignment-title">
      <h2 id="assignment-title">Assignment: who gets a new ticket</h2>
      <p className="hint">
        When a new ticket reaches the server with nobody assigned, the first rule that is on and matches it assigns it. A rule whose engineer is inactive, or that finds nobody ranked high enough,
        passes the ticket to the next rule. No rule: the ticket waits for the desk. Work orders are still scheduled by the desk.
      </p>
      {rules.length === 0 ? (
        <p className="muted">No rules: every new ticket waits for the desk.</p>
      ) : (
        <ol className="plain-list stack">
          {rules.map((rule, index) => (
            <AssignmentRuleCard
              key={rule.id}
              rule={rule}
              index={index}
              count={rules.length}
              engineers={engineers}
              sites={sites}
              categories={categories}
              problems={problems}
              onChange={(next) => replace(index, next)}
              onMove={(by) => onChange(moveRule(rules, index, by))}
              onDelete={() => onChange(rules.filter((_, at) => at !== index))}
            />
          ))}
        </ol>
      )}
      {/* About the list as a whole (too many rules); a rule's own problems show on its card. */}
      <FieldError id="assignment-error" message={problems.assignment} />
      <button type="button" onClick={() => onChange([...rules, newAssignmentRule()])}>
        Add a rule
      </button>
    </section>
  );
}
