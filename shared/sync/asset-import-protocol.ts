import { z } from 'zod';

export const ASSET_IMPORT_PATH = '/api/admin/assets/import';

/** Most rows one import takes: a large site's register; more goes in several files. */
export const MAX_IMPORT_ROWS = 5000;

/**
 * The columns of an asset import, in the template's order. `site` is the site's code (as printed on
 * the site's page) or its id; `status` defaults to operational and `criticality` to 3; `lat` and
 * `lng` go together or not at all.
 */
export const ASSET_IMPORT_COLUMNS = ['tag', 'site', 'name', 'category', 'manufacturer', 'model', 'serialNumber', 'status', 'criticality', 'lat', 'lng'] as const;
export const REQUIRED_IMPORT_COLUMNS = ['tag', 'site', 'name', 'category'] as const;

export const AssetImportRequestSchema = z.object({
  /** The file's text, as read by the browser (UTF-8; a leading BOM is ignored). */
  csv: z.string().min(1, 'the file is empty').max(4_000_000, 'the file is larger than 4 MB'),
  /** Check only: report what would be created, store nothing. */
  dryRun: z.boolean().default(false),
});
export type AssetImportRequest = z.input<typeof AssetImportRequestSchema>;

/**
 * One thing wrong with the file. `field` is `rows[N].column` where N is the file's line number
 * (the header is line 1), so a spreadsheet user finds the cell.
 */
export const ImportProblemSchema = z.object({ field: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const AssetImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** Assets the file creates (created already unless dryRun). */
  created: z.array(z.object({ id: z.string(), tag: z.string(), name: z.string(), siteId: z.string(), category: z.string(), status: z.string() })),
});
export type AssetImportResult = z.infer<typeof AssetImportResultSchema>;
