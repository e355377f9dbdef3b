/**
 * Actors of activities no user caused, with the name people read. Their ids belong to no user
 * document, so screens name them from here rather than from the users collection.
 */
export const SLA_ACTOR_ID = 'system-sla';

export const SYSTEM_ACTOR_NAMES: Readonly<Record<string, string>> = {
  // The SLA checker (sync-server/sla/checker.ts): warnings, breaches, escalations.
  [SLA_ACTOR_ID]: 'SLA monitor',
  system: 'System',
};
