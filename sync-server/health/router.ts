import { Router } from 'express';
import { PROTOCOL_VERSION } from '@shared/sync/protocol';
import type { AppDeps } from '../app-deps';

/** `GET /api/health`: 200 when the store answers, 503 when it does not. */
export function createHealthRouter({ store, clock }: AppDeps) {
  const router = Router();
  router.get('/', async (_req, res) => {
    const storeHealth = await store.health();
    res.status(storeHealth.ok ? 200 : 503).json({
      status: storeHealth.ok ? 'ok' : 'degraded',
      protocolVersion: PROTOCOL_VERSION,
      time: clock.now().toISOString(),
      store: { ok: storeHealth.ok, detail: storeHealth.detail },
      // Until the pull caches have loaded, pulls read the store directly (slower, still correct).
      pullCache: store.changesCacheStatus(),
    });
  });
  return router;
}
