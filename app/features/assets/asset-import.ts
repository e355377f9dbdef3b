import { ASSET_IMPORT_COLUMNS, type ImportProblem } from '@shared/sync/asset-import-protocol';
import { HttpError, OfflineError } from '../../sync/errors';

/** A file to start from: the columns in order and one example row (site by its code). */
export const IMPORT_TEMPLATE_CSV = `${ASSET_IMPORT_COLUMNS.join(',')}\r\nAST-LON-0100,LON-CW,"Chiller, north roof",HVAC,Carrier,30XA-252,SN-48213,operational,4,51.5050,-0.0190\r\n`;

/** Where a problem is, as the spreadsheet shows it: `rows[3].tag` is "Row 3, tag". */
export function describeImportField(field: string): string {
  const cell = /^rows\[(\d+)\]\.(\w+)$/.exec(field);
  if (cell) return `Row ${cell[1]}, ${cell[2]}`;
  if (field.startsWith('columns.')) return `Column ${field.slice('columns.'.length)}`;
  return 'The file';
}

/** What a failed check or import tells the user: every problem the server named, or one line. */
export function importFailure(error: unknown): ImportProblem[] {
  if (error instanceof OfflineError) return [{ field: 'csv', message: 'Importing needs a connection: the server checks every tag against all assets. Try again once online.' }];
  if (error instanceof HttpError) return error.problems.length > 0 ? error.problems : [{ field: error.field ?? 'csv', message: error.message }];
  return [{ field: 'csv', message: error instanceof Error ? error.message : String(error) }];
}
