import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { AuthError, describeSyncError, HttpError, isAuthFailure } from '@app/sync/errors';
import { SignInGate } from '@app/sync/sign-in-gate';

const running = () => ({ stopped$: new Subject<void>(), isStopped: () => false });

describe('the sign-in gate', () => {
  it('holds a request refused for want of a session until the user signs in again, then sends it once more', async () => {
    const gate = new SignInGate();
    let signedIn = false;
    let calls = 0;
    const request = () => {
      calls += 1;
      if (signedIn) return Promise.resolve('pushed');
      const error = new AuthError('unauthorized', 'No refresh token');
      gate.end(error);
      return Promise.reject(error);
    };
    const sent = gate.send(request, running());
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toBe(1);
    expect(gate.ended?.reason).toBe('unauthorized');
    signedIn = true;
    gate.resume();
    await expect(sent).resolves.toBe('pushed');
    expect(calls).toBe(2);
    expect(gate.ended).toBeUndefined();
  });

  it('tells its listeners of the end and of a resumption only once each, and only when closed', () => {
    const gate = new SignInGate();
    const heard: string[] = [];
    gate.ended$.subscribe((error) => heard.push(error ? `ended ${error.reason}` : 'open'));
    gate.onResumed(() => heard.push('resumed'));
    gate.resume();
    gate.end(new AuthError('account_inactive'));
    gate.resume();
    gate.resume();
    expect(heard).toEqual(['open', 'ended account_inactive', 'open', 'resumed']);
  });

  it('passes other failures on, and an AuthError that did not close the gate (no loop)', async () => {
    const gate = new SignInGate();
    await expect(gate.send(() => Promise.reject(new HttpError(500, 'internal', 'boom')), running())).rejects.toBeInstanceOf(HttpError);
    await expect(gate.send(() => Promise.reject(new AuthError('unauthorized')), running())).rejects.toBeInstanceOf(AuthError);
  });

  it('gives up waiting when the replication stops', async () => {
    const gate = new SignInGate();
    const stopped$ = new Subject<void>();
    let stopped = false;
    const sent = gate.send(
      () => {
        const error = new AuthError('unauthorized');
        gate.end(error);
        return Promise.reject(error);
      },
      { stopped$, isStopped: () => stopped },
    );
    stopped = true;
    stopped$.next();
    await expect(sent).rejects.toBeInstanceOf(AuthError);
  });
});

describe('sync errors in the user’s words', () => {
  it('recognises an AuthError copied by RxDB (a plain object with its name) and never shows the server’s text', () => {
    const copied = { name: 'AuthError', message: 'No refresh token: send the refresh cookie or {refreshToken}' };
    expect(isAuthFailure(copied)).toBe(true);
    expect(describeSyncError(copied)).toBe('Sign in again to sync');
    expect(describeSyncError({ name: 'HttpError', message: 'assumedMasterState: Required' })).toBe('Sync failed. It will try again.');
    expect(describeSyncError(new HttpError(503, 'store_unavailable', 'The data store is unavailable'))).toBe('The server has a problem. Sync will try again.');
    expect(describeSyncError(new HttpError(426, 'protocol_outdated', 'x'))).toBe('This app is out of date: reload to update');
  });
});
