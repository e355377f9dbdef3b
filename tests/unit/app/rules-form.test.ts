import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '@shared/domain/rules/defaults';
import { checkRuleSet, moveRule, newAssignmentRule, problemAt, problemsElsewhere, problemsOfSaveFailure, readMinScore } from '@app/features/admin/rules-form';
import { HttpError, OfflineError } from '@app/sync/errors';
import { buildAssignmentRule } from '../../helpers/factories';

describe('the rules screen’s form', () => {
  it('names every problem by the field path the server uses, in words', () => {
    const blank = { ...newAssignmentRule('rule-a'), action: { kind: 'best_ranked' as const, minScore: readMinScore('lots') } };
    const problems = checkRuleSet({ ...DEFAULT_RULE_SET, assignment: [buildAssignmentRule({ id: 'rule-z', name: 'Fine', action: { kind: 'best_ranked' } }), blank] });
    expect(problems).toEqual({ 'assignment[1].name': 'Required.', 'assignment[1].action.minScore': 'Enter a number.' });
    expect(checkRuleSet(DEFAULT_RULE_SET)).toEqual({});
  });

  it('shows the server’s 400 beside the input it names, without repeating the field; offline keeps the edits and says so', () => {
    const refused = new HttpError(400, 'validation_failed', 'assignment[0].action.engineerId: Erin Engel is inactive', 'assignment[0].action.engineerId');
    const problems = problemsOfSaveFailure(refused);
    expect(problems).toEqual({ 'assignment[0].action.engineerId': 'Erin Engel is inactive' });
    expect(problemAt(problems, 'assignment[0].action.engineerId')).toBe('Erin Engel is inactive');
    expect(problemAt(problems, 'assignment[1].action.engineerId')).toBeUndefined();
    expect(problemsOfSaveFailure(new OfflineError()).form).toMatch(/offline.*edits stay here/i);
  });

  it('a problem no input shows is said at the foot of its part, never lost', () => {
    const problems = { 'escalation.breach.userIds[1]': 'u-x names no user', 'escalation.breach.byPriority.high.groups[0]': 'Invalid option.' };
    expect(problemAt(problems, 'escalation.breach.userIds')).toBe('u-x names no user');
    expect(problemsElsewhere(problems, 'escalation.breach', ['escalation.breach.userIds'])).toEqual(['byPriority.high.groups[0]: Invalid option.']);
    expect(problemsElsewhere(problems, 'escalation.warn50', [])).toEqual([]);
  });

  it('moves a rule up or down one place, and not past either end', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => buildAssignmentRule({ id, action: { kind: 'best_ranked' } }));
    const rules = [a, b, c].flatMap((rule) => rule ?? []);
    expect(moveRule(rules, 2, -1).map((rule) => rule.id)).toEqual(['a', 'c', 'b']);
    expect(moveRule(rules, 0, 1).map((rule) => rule.id)).toEqual(['b', 'a', 'c']);
    expect(moveRule(rules, 0, -1).map((rule) => rule.id)).toEqual(['a', 'b', 'c']);
    expect(moveRule(rules, 2, 1).map((rule) => rule.id)).toEqual(['a', 'b', 'c']);
  });
});
