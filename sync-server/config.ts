import path from 'node:path';
import { z } from 'zod';
import { UserSchema } from '@shared/schemas/user';
import { DEFAULT_MAP_CONFIG, TileUrlSchema } from '@shared/sync/map-config';

const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me-0123456789';
const DEV_DEMO_PASSWORD = 'demo1234';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  COUCHDB_URL: z.url().optional(),
  DB_PREFIX: z.string().regex(/^[a-z][a-z0-9_]*$/).default('fs_'),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').default(DEV_JWT_SECRET),
  DEMO_PASSWORD: z.string().min(8).default(DEV_DEMO_PASSWORD),
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** The first admin of a store without one (sync-server/auth/first-admin.ts); nothing is created without the password. */
  ADMIN_USERNAME: UserSchema.shape.username.default('admin'),
  // Empty counts as unset: docker-compose passes `${ADMIN_PASSWORD:-}` through.
  ADMIN_PASSWORD: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').optional()),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  CORS_ORIGINS: z.string().default('').transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean)),
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STREAM_HEARTBEAT_MS: z.coerce.number().int().min(50).default(15_000),
  APP_DIST: z.string().default('app/dist'),
  NODE_ENV: z.string().default('development'),
  MAP_TILE_URL: TileUrlSchema.default(DEFAULT_MAP_CONFIG.tileUrl),
  MAP_TILE_ATTRIBUTION: z.string().max(500).default(DEFAULT_MAP_CONFIG.attribution),
  MAP_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(DEFAULT_MAP_CONFIG.maxZoom),
  /** Most documents per collection the pull cache holds in memory; past it that collection's pulls read the store. 0 turns the cache off. */
  PULL_CACHE_MAX_DOCS: z.coerce.number().int().min(0).default(200_000),
  /** How often the SLA checker runs; 0 turns it off in this process. */
  SLA_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Most tickets one checker run handles (the rest wait for the next run). */
  SLA_CHECK_BATCH: z.coerce.number().int().min(1).max(5000).default(500),
  /** Tests only (refused in production): read "now" from this file (an ISO time) so several processes share a moved clock. */
  TEST_CLOCK_FILE: z.string().optional(),
  /** Tests only (refused in production): the process kills itself after this many SLA claims, before notifying. */
  SLA_TEST_CRASH_AFTER_CLAIMS: z.coerce.number().int().min(1).optional(),
});

export type Config = z.infer<typeof EnvSchema> & { usesDevSecret: boolean; usesDevDemoPassword: boolean };

/** Parse the environment once at start; a bad value stops the server with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return {
    ...parsed.data,
    DATA_DIR: path.resolve(parsed.data.DATA_DIR),
    usesDevSecret: parsed.data.JWT_SECRET === DEV_JWT_SECRET,
    usesDevDemoPassword: parsed.data.DEMO_PASSWORD === DEV_DEMO_PASSWORD,
  };
}
