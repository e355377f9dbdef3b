import { describe, expect, it } from 'vitest';
import { parseSessionMessage } from '@app/session/session-channel';
import { isSameUsername, planSignIn } from '@app/session/sign-in-choice';

const eng3 = { username: 'eng3' };

describe('signing in over a session whose sign-in ended', () => {
  it('resumes for the same user, however the username was typed', () => {
    expect(isSameUsername('  ENG3 ', eng3)).toBe(true);
    expect(planSignIn('Eng3', { user: eng3, pending: 4 }, false)).toEqual({ kind: 'resume' });
  });

  it('asks before another user replaces unsynced changes, and replaces once confirmed', () => {
    expect(planSignIn('eng4', { user: eng3, pending: 2 }, false)).toEqual({ kind: 'confirm-replace', pending: 2 });
    expect(planSignIn('eng4', { user: eng3, pending: 2 }, true)).toEqual({ kind: 'replace' });
  });

  it('replaces without asking when nothing would be lost, or when no one is signed in', () => {
    expect(planSignIn('eng4', { user: eng3, pending: 0 }, false)).toEqual({ kind: 'replace' });
    expect(planSignIn('eng4', undefined, false)).toEqual({ kind: 'replace' });
  });
});

describe('messages between tabs', () => {
  it('accepts the three kinds with a user id and ignores anything else', () => {
    expect(parseSessionMessage({ kind: 'signed-out', userId: 'user-eng3' })).toEqual({ kind: 'signed-out', userId: 'user-eng3' });
    expect(parseSessionMessage({ kind: 'locked', userId: 'u' })).toEqual({ kind: 'locked', userId: 'u' });
    expect(parseSessionMessage({ kind: 'signed-in-again', userId: 'u', extra: 1 })).toEqual({ kind: 'signed-in-again', userId: 'u' });
    expect(parseSessionMessage({ kind: 'wipe-everything', userId: 'u' })).toBeUndefined();
    expect(parseSessionMessage({ kind: 'signed-out' })).toBeUndefined();
    expect(parseSessionMessage('signed-out')).toBeUndefined();
    expect(parseSessionMessage(null)).toBeUndefined();
  });
});
