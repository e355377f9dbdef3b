import { describe, expect, it } from 'vitest';
import { describeAdminFailure, formFieldOf, problemsOfFailure } from '@app/features/admin/field-problems';
import { checkNewUser, EMPTY_NEW_USER, parseSkills, type NewUserForm } from '@app/features/admin/user-form';
import { LocalValidationError } from '@app/db/writes';
import { HttpError, OfflineError } from '@app/sync/errors';
import { NewUserInputSchema } from '@shared/sync/user-admin-protocol';

const noor: NewUserForm = { username: ' Noor.Haddad ', fullName: ' Noor Haddad ', email: ' noor@example.com ', role: 'engineer', siteIds: ['site-lon'], skills: 'HVAC, electrical', password: 'first-day-secret' };
const INPUTS = ['username', 'fullName', 'email', 'siteIds', 'skills', 'password'];

describe('the users screen’s form helpers', () => {
  it('reads skills typed with commas, without blanks or repeats', () => {
    expect(parseSkills(' HVAC, electrical,, HVAC ,plumbing ')).toEqual(['HVAC', 'electrical', 'plumbing']);
    expect(parseSkills('  ')).toEqual([]);
  });

  it('names the input a field path is about', () => {
    expect(formFieldOf('siteIds[1]')).toBe('siteIds');
    expect(formFieldOf('skills.0')).toBe('skills');
    expect(formFieldOf('username')).toBe('username');
    expect(formFieldOf(undefined)).toBe('form');
  });

  it('puts a server’s or a schema’s refusal next to its input, and offline on the form', () => {
    expect(describeAdminFailure(new HttpError(409, 'conflict', 'the username eng1 is taken', 'username'))).toEqual({ field: 'username', message: 'the username eng1 is taken' });
    expect(describeAdminFailure(new HttpError(400, 'validation_failed', 'siteIds[0]: names no existing site', 'siteIds[0]')).field).toBe('siteIds');
    expect(describeAdminFailure(new LocalValidationError('email: Invalid email address', 'email')).field).toBe('email');
    expect(describeAdminFailure(new OfflineError())).toMatchObject({ field: 'form', message: expect.stringMatching(/needs a connection/) });
    expect(describeAdminFailure(new Error('boom'))).toEqual({ field: 'form', message: 'boom' });
  });
});

describe('adding a user', () => {
  it('sends what the create-user endpoint takes: username lower-cased, text trimmed, skills read', () => {
    const checked = checkNewUser(noor);
    expect(checked).toEqual({ ok: true, doc: { username: 'noor.haddad', fullName: 'Noor Haddad', email: 'noor@example.com', role: 'engineer', siteIds: ['site-lon'], skills: ['HVAC', 'electrical'], password: 'first-day-secret' } });
    if (checked.ok) expect(NewUserInputSchema.parse(checked.doc)).toEqual(checked.doc);
  });

  it('names every invalid input at once, in words, before anything is sent', () => {
    const checked = checkNewUser({ ...EMPTY_NEW_USER, username: 'x', skills: `ok, ${'s'.repeat(61)}`, password: 'short' });
    expect(checked).toEqual({
      ok: false,
      problems: {
        username: expect.stringMatching(/^Lowercase letters, digits.*\.$/),
        fullName: 'Required.',
        email: 'Invalid email address.',
        skills: 'At most 60 characters.',
        password: 'At least 8 characters.',
      },
    });
  });

  it('shows the server’s refusal under its input, and one about no input at the foot, naming its field', () => {
    expect(problemsOfFailure(new HttpError(409, 'conflict', 'the username noor.haddad is taken', 'username'), INPUTS)).toEqual({ username: 'the username noor.haddad is taken' });
    expect(problemsOfFailure(new HttpError(400, 'validation_failed', 'siteIds[0]: site-x names no existing site', 'siteIds[0]'), INPUTS)).toEqual({ siteIds: 'siteIds[0]: site-x names no existing site' });
    expect(problemsOfFailure(new HttpError(409, 'conflict', 'user u1 already exists', 'id'), INPUTS)).toEqual({ form: 'id: user u1 already exists' });
    expect(problemsOfFailure(new OfflineError(), INPUTS)).toEqual({ form: expect.stringMatching(/^This needs a connection/) });
  });

  it('shows every problem of a local write under its input', () => {
    const refusal = new LocalValidationError('fullName: Too small', 'fullName', [
      { field: 'fullName', message: 'Required.' },
      { field: 'skills.1', message: 'At most 60 characters.' },
      { field: 'active', message: 'Invalid input.' },
    ]);
    expect(problemsOfFailure(refusal, ['fullName', 'email', 'siteIds', 'skills'])).toEqual({ fullName: 'Required.', skills: 'At most 60 characters.', form: 'active: Invalid input.' });
  });
});
