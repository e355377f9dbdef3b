import { RECIPIENT_GROUPS, type RecipientGroup, type Recipients } from '@shared/schemas/rules';
import type { User } from '@shared/schemas/user';
import { FieldError } from '../../components/FieldError';
import { markInvalid } from '../../components/field-problems';
import { ROLE_LABELS } from '../../components/labels';
import { GROUP_LABELS, problemAt, toggled, type RuleProblems } from './rules-form';

type Props = {
  /** The field path of these recipients (`escalation.breach`), for ids and problems. */
  path: string;
  recipients: Recipients;
  people: readonly User[];
  problems: RuleProblems;
  onChange: (recipients: Recipients) => void;
};

/** Who hears about a threshold: groups, named people, and the groups told instead when those reach nobody. */
export function RecipientsFields({ path, recipients, people, problems, onChange }: Props) {
  const id = (field: string) => `${path}.${field}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const usersProblem = problemAt(problems, `${path}.userIds`);
  return (
    <div className="recipients">
      <GroupChecks legend="Tell" selected={recipients.groups} problem={problemAt(problems, `${path}.groups`)} errorId={id('groups-error')} onChange={(groups) => onChange({ ...recipients, groups })} />
      <label>
        Also tell these people
        <select
          multiple
          size={Math.min(6, Math.max(3, people.length))}
          value={[...recipients.userIds]}
          onChange={(event) => onChange({ ...recipients, userIds: [...event.target.selectedOptions].map((option) => option.value) })}
          {...markInvalid(id('userIds-error'), usersProblem)}
        >
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.fullName} ({ROLE_LABELS[person.role]}{person.active ? '' : ', inactive: not told'})
            </option>
          ))}
        </select>
      </label>
      <FieldError id={id('userIds-error')} message={usersProblem} />
      <GroupChecks
        legend="If that reaches nobody (say, nobody is assigned yet), tell instead"
        selected={recipients.otherwise}
        problem={problemAt(problems, `${path}.otherwise`)}
        errorId={id('otherwise-error')}
        onChange={(otherwise) => onChange({ ...recipients, otherwise })}
      />
    </div>
  );
}

type GroupChecksProps = { legend: string; selected: readonly RecipientGroup[]; problem: string | undefined; errorId: string; onChange: (groups: RecipientGroup[]) => void };

function GroupChecks({ legend, selected, problem, errorId, onChange }: GroupChecksProps) {
  return (
    <fieldset className="group-checks" aria-describedby={problem ? errorId : undefined}>
      <legend>{legend}</legend>
      {RECIPIENT_GROUPS.map((group) => (
        <label key={group} className="checkbox">
          <input type="checkbox" checked={selected.includes(group)} onChange={(event) => onChange(toggled(RECIPIENT_GROUPS, selected, group, event.target.checked))} />
          {GROUP_LABELS[group]}
        </label>
      ))}
      <FieldError id={errorId} message={problem} />
    </fieldset>
  );
}
