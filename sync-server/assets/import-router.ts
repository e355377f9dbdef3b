import { Router } from 'express';
import { WRITE_RULES } from '@shared/domain/permissions';
import type { Asset } from '@shared/schemas/asset';
import type { Category } from '@shared/schemas/misc';
import type { Site } from '@shared/schemas/site';
import { AssetImportRequestSchema, type AssetImportResult } from '@shared/sync/asset-import-protocol';
import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import type { Selector } from '../store/store';
import { forbidden, InvalidInputError } from '../errors';
import { principalOf, requireAuth } from '../middlewares/require-auth';
import { validate } from '../middlewares/validate';
import { computeAcl } from '../services/acl';
import { activityAcl, buildActivity } from '../services/audit';
import { planAssetImport, readImportFile } from '../services/asset-import';
import { liveDocs } from '../services/live-docs';

/**
 * `POST /api/admin/assets/import`: a CSV of assets (a site's register) for those who may create
 * assets (admins, dispatchers). Every row is checked first, and one problem anywhere stores
 * nothing: a 400 lists them all by row and column. A dry run only reports. Created assets are
 * audited and reach devices through replication.
 */
export function createAssetImportRouter(deps: AppDeps) {
  const router = Router();
  router.use(requireAuth(deps), (_req, res, next) => {
    next(WRITE_RULES[principalOf(res).role].assets.create ? undefined : forbidden('only admins and dispatchers import assets'));
  });

  router.post('/', validate('body', AssetImportRequestSchema), async (_req, res) => {
    const { csv, dryRun } = res.locals.body as z.output<typeof AssetImportRequestSchema>;
    const file = readImportFile(csv);
    if (file.problems.length > 0) throw rejected(file.problems);
    const now = deps.clock.now().toISOString();
    const tags = [...new Set(file.rows.flatMap((row) => row.cells.tag ?? []))];
    const [sites, categories, holders] = await Promise.all([
      findLive<Site>(deps, 'sites', { type: 'site' }, 10_000),
      findLive<Category>(deps, 'categories', { type: 'category' }, 10_000),
      findLive<Asset>(deps, 'assets', { tag: { $in: tags } }, tags.length + 100),
    ]);
    const plan = planAssetImport(file.rows, { sites, categories: categories.map((category) => category.name) }, holders, now);
    if (plan.problems.length > 0) throw rejected(plan.problems);
    if (!dryRun) await store(deps, principalOf(res).id, plan.assets, now);
    const result: AssetImportResult = { dryRun, created: plan.assets.map(({ id, tag, name, siteId, category, status }) => ({ id, tag, name, siteId, category, status })) };
    res.status(dryRun ? 200 : 201).json(result);
  });

  return router;
}

/** Problems sent at most: a file wrong in every row would otherwise make a reply larger than itself. */
const MAX_PROBLEMS_SENT = 200;

function rejected(problems: InvalidInputError['problems']): InvalidInputError {
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more${problems.length > MAX_PROBLEMS_SENT ? `; the first ${MAX_PROBLEMS_SENT} are listed` : ''})` : '';
  return new InvalidInputError(`Nothing was imported: ${first?.field}: ${first?.message}${more}`, problems.slice(0, MAX_PROBLEMS_SENT));
}

/** The live documents a selector finds, parsed (services/live-docs.ts). */
async function findLive<D extends { _deleted: boolean }>(deps: AppDeps, collection: 'sites' | 'assets' | 'categories', selector: Selector, limit: number): Promise<D[]> {
  return liveDocs<D>(collection, await deps.store.find(collection, selector, limit), deps.logger);
}

async function store(deps: AppDeps, actorId: string, assets: Asset[], now: string): Promise<void> {
  const writes = assets.map((doc) => ({ doc, acl: computeAcl('assets', doc) }));
  const results = await deps.store.bulkPut('assets', writes);
  // New ids: a refusal here is not a conflict anyone can resolve, so it fails loudly.
  const refused = results.filter((result) => !result.ok).length;
  if (refused > 0) throw new Error(`${refused} of ${assets.length} imported assets were refused by the store`);
  await deps.store.bulkPut(
    'activities',
    writes.map(({ doc, acl }) => ({ doc: buildActivity('assets', undefined, doc, actorId, now), acl: activityAcl(acl) })),
  );
}
