import { SYSTEM_ACTOR_NAMES } from '@shared/domain/system-actors';

/**
 * Who did something, as a person reads it: the user's name, the server's own jobs by what they
 * are ("SLA monitor"), and a user this device does not hold (a site manager's device has only
 * some people) as "another user" rather than an id.
 */
export function actorName(actorId: string, people: ReadonlyMap<string, { fullName: string }>): string {
  return people.get(actorId)?.fullName ?? SYSTEM_ACTOR_NAMES[actorId] ?? 'another user';
}
