import { describe, expect, it } from 'vitest';
import { describeImportField, importFailure } from '@app/features/assets/asset-import';
import { HttpError, OfflineError } from '@app/sync/errors';

describe('an asset import’s problems, as the page shows them', () => {
  it('names a cell by its row and column, a column by its name, anything else as the file', () => {
    expect(describeImportField('rows[12].serialNumber')).toBe('Row 12, serialNumber');
    expect(describeImportField('columns.title')).toBe('Column title');
    expect(describeImportField('rows')).toBe('The file');
    expect(describeImportField('csv')).toBe('The file');
  });

  it('keeps every problem the server named, or makes one of any other failure', () => {
    const problems = [{ field: 'rows[2].tag', message: 'taken' }, { field: 'rows[3].site', message: 'no site' }];
    expect(importFailure(HttpError.fromBody(400, { error: 'validation_failed', message: 'Nothing was imported', field: 'rows[2].tag', problems }))).toEqual(problems);
    expect(importFailure(HttpError.fromBody(403, { error: 'forbidden', message: 'only admins and dispatchers import assets' }))).toEqual([{ field: 'csv', message: 'only admins and dispatchers import assets' }]);
    expect(importFailure(new OfflineError())[0]?.message).toMatch(/needs a connection/);
  });
});
