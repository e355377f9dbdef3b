import type { Clock } from './clock';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Store } from './store/store';

/** Everything a router or service needs, built once in main.ts (or a test) and passed down. */
export type AppDeps = { config: Config; store: Store; logger: Logger; clock: Clock };
