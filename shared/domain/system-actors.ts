/**
 * Actors of activities no user caused, with the name people read. Their ids belong to no user
 * document, so screens name them from here rather than from the users collection.
 */
export const SLA_ACTOR_ID = 'system-sla';
/** The admins' assignment rules, when one of them assigns a new ticket (sync-server/rules/auto-assign.ts). */
export const RULES_ACTOR_ID = 'system-rules';

export const SYSTEM_ACTOR_NAMES: Readonly<Record<string, string>> = {
  // The SLA checker (sync-server/sla/checker.ts): warnings, breaches, escalations.
  [SLA_ACTOR_ID]: 'SLA monitor',
  [RULES_ACTOR_ID]: 'Assignment rules',
  system: 'System',
};
