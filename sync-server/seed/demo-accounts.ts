import type { Role } from '@shared/schemas/common';

/** The demo accounts DESIGN.md promises; all share DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly { username: string; role: Role; fullName: string }[] = [
  { username: 'admin', role: 'admin', fullName: 'Alex Admin' },
  { username: 'dispatch1', role: 'dispatcher', fullName: 'Dana Dispatch' },
  { username: 'dispatch2', role: 'dispatcher', fullName: 'Drew Dispatch' },
  { username: 'eng1', role: 'engineer', fullName: 'Erin Engel' },
  { username: 'eng2', role: 'engineer', fullName: 'Eli Novak' },
  { username: 'eng3', role: 'engineer', fullName: 'Emma Okafor' },
  { username: 'eng4', role: 'engineer', fullName: 'Ethan Silva' },
  { username: 'eng5', role: 'engineer', fullName: 'Eva Lindqvist' },
  { username: 'eng6', role: 'engineer', fullName: 'Enzo Moretti' },
  { username: 'site1', role: 'site_manager', fullName: 'Sam Sitewell' },
  { username: 'site2', role: 'site_manager', fullName: 'Sky Patel' },
  { username: 'site3', role: 'site_manager', fullName: 'Sasha Ivanova' },
];

export const DEMO_USERNAMES = DEMO_ACCOUNTS.map((account) => account.username);
/** Demo user ids are readable so tests and docs can name them: `user-eng1`. */
export const demoUserId = (username: string) => `user-${username}`;
