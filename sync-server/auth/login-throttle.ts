import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Login attempt limits. The numbers are exported so tests count against the same values.
 * - per account: 10 consecutive failures block the username for 15 minutes, whichever IP they came
 *   from (a distributed guess at one password). A success starts the count over.
 * - per IP: 10 consecutive failures across all accounts block the address for 15 minutes (a
 *   password spray). A success from the address starts its count over, as the contract asks
 *   ("consecutive"); see docs/decisions.md for the trade-off with shared NAT addresses.
 */
export const LOGIN_THROTTLE = {
  accountFailures: 10,
  accountWindowSeconds: 24 * 60 * 60,
  ipFailures: 10,
  ipWindowSeconds: 60 * 60,
  blockSeconds: 15 * 60,
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts failed logins with rate-limiter-flexible's RateLimiterMemory.
 *
 * The counters live in THIS PROCESS's memory: with several server instances behind a load balancer
 * each instance counts on its own (an attacker gets up to N× the attempts), and a restart forgets
 * them. Swap in RateLimiterRedis (same API) when running more than one instance.
 *
 * Every attempt reserves a point BEFORE the password is checked: concurrent requests cannot all slip
 * past a check-then-count, and a blocked account is refused without verifying its password, so it
 * cannot be probed. A failure simply keeps its point.
 */
export class LoginThrottle {
  private readonly byAccount = new RateLimiterMemory({
    keyPrefix: 'login-account',
    points: LOGIN_THROTTLE.accountFailures,
    duration: LOGIN_THROTTLE.accountWindowSeconds,
    blockDuration: LOGIN_THROTTLE.blockSeconds,
  });

  private readonly byIp = new RateLimiterMemory({
    keyPrefix: 'login-ip',
    points: LOGIN_THROTTLE.ipFailures,
    duration: LOGIN_THROTTLE.ipWindowSeconds,
    blockDuration: LOGIN_THROTTLE.blockSeconds,
  });

  /** Reserve one attempt for this account from this IP, or say how long the caller must wait. */
  async reserve(account: string, ip: string): Promise<ThrottleVerdict> {
    const accountRefusal = await consume(this.byAccount, account);
    if (accountRefusal) return accountRefusal;
    const ipRefusal = await consume(this.byIp, ip);
    if (ipRefusal) {
      // The attempt never happened as far as the account is concerned.
      await this.byAccount.reward(account);
      return ipRefusal;
    }
    return { allowed: true };
  }

  /** The password was right: the account's and the address's consecutive failures start over. */
  async succeeded(account: string, ip: string): Promise<void> {
    await this.byAccount.delete(account);
    await this.byIp.delete(ip);
  }

  /** The attempt could not be judged (e.g. the store was down): it must not count as a failure. */
  async abandoned(account: string, ip: string): Promise<void> {
    await this.byAccount.reward(account);
    await this.byIp.reward(ip);
  }
}

/** Consume one point; a rejection (over the limit, or blocked) becomes a refusal with Retry-After. */
async function consume(limiter: RateLimiterMemory, key: string): Promise<ThrottleVerdict | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when over the limit; anything else is a bug.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
  }
}
