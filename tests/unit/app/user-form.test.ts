import { describe, expect, it } from 'vitest';
import { describeAdminFailure, formFieldOf, parseSkills } from '@app/features/admin/user-form';
import { LocalValidationError } from '@app/db/writes';
import { HttpError, OfflineError } from '@app/sync/errors';

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
