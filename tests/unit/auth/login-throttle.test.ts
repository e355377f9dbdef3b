import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, LoginThrottle } from '@server/auth/login-throttle';

const { accountFailures, ipFailures, blockSeconds } = LOGIN_THROTTLE;

/** Reserve `count` attempts that all fail (a failure keeps its reserved point). */
async function fail(throttle: LoginThrottle, account: string, ip: string, count: number) {
  for (let i = 0; i < count; i += 1) expect(await throttle.reserve(account, ip)).toEqual({ allowed: true });
}

describe('LoginThrottle', () => {
  it('blocks an account after its consecutive failures, for the block duration', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 'eng1', '127.0.0.1', accountFailures);
    const verdict = await throttle.reserve('eng1', '127.0.0.1');
    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: blockSeconds });
    // The block follows the account, not the address.
    expect((await throttle.reserve('eng1', '127.0.0.2')).allowed).toBe(false);
    expect((await throttle.reserve('eng2', '127.0.0.2')).allowed).toBe(true);
  });

  it('starts the account count over after a success', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 'eng1', '127.0.0.1', accountFailures - 1);
    expect((await throttle.reserve('eng1', '127.0.0.1')).allowed).toBe(true);
    await throttle.succeeded('eng1', '127.0.0.1');
    await fail(throttle, 'eng1', '127.0.0.1', accountFailures);
    expect((await throttle.reserve('eng1', '127.0.0.1')).allowed).toBe(false);
  });

  it('does not count an abandoned attempt (store failure) as a failure', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 'eng1', '127.0.0.1', accountFailures - 1);
    expect((await throttle.reserve('eng1', '127.0.0.1')).allowed).toBe(true);
    await throttle.abandoned('eng1', '127.0.0.1');
    expect((await throttle.reserve('eng1', '127.0.0.1')).allowed).toBe(true);
  });

  it('blocks an address after consecutive failures spread over many accounts', async () => {
    const throttle = new LoginThrottle();
    const ip = '127.0.0.9';
    for (let i = 0; i < ipFailures; i += 1) expect((await throttle.reserve(`user${i}`, ip)).allowed).toBe(true);
    expect(await throttle.reserve('fresh-account', ip)).toEqual({ allowed: false, retryAfterSeconds: blockSeconds });
    expect((await throttle.reserve('fresh-account', '127.0.0.10')).allowed).toBe(true);
  });

  it('starts the address count over after a success from it', async () => {
    const throttle = new LoginThrottle();
    const ip = '127.0.0.11';
    for (let i = 0; i < ipFailures - 1; i += 1) expect((await throttle.reserve(`user${i}`, ip)).allowed).toBe(true);
    expect((await throttle.reserve('mine', ip)).allowed).toBe(true);
    await throttle.succeeded('mine', ip);
    for (let i = 0; i < ipFailures; i += 1) expect((await throttle.reserve(`other${i}`, ip)).allowed).toBe(true);
  });

  it('refuses a blocked address without counting the attempt against the account', async () => {
    const throttle = new LoginThrottle();
    const ip = '127.0.0.7';
    for (let account = 0; account * (accountFailures - 1) < ipFailures; account += 1) {
      await fail(throttle, `spray${account}`, ip, Math.min(accountFailures - 1, ipFailures - account * (accountFailures - 1)));
    }
    for (let i = 0; i < accountFailures + 5; i += 1) expect((await throttle.reserve('victim', ip)).allowed).toBe(false);
    // The victim's own account was never charged, so they can still sign in from elsewhere.
    expect((await throttle.reserve('victim', '127.0.0.8')).allowed).toBe(true);
  });
});
