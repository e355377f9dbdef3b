import type { CurrentPrincipals } from './auth/current-principals';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Store } from './store/store';

/** What services, the seed and the SLA engine need, built once in server.ts (or a test or the bench) and passed down. */
export type ServiceDeps = { config: Config; store: Store; logger: Logger; clock: Clock };

/** The HTTP app's: also every user's current access, which each request's token is checked against. */
export type AppDeps = ServiceDeps & { principals: CurrentPrincipals };
