import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue } from '@shared/schemas/issue-words';
import { AssetSchema } from '@shared/schemas/asset';
import { buildAsset } from '../../helpers/factories';

const wordsFor = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map(describeIssue);
};

describe('a schema issue in words', () => {
  it('says a number’s range, inclusive or not', () => {
    expect(wordsFor(z.number().min(1).max(5), 6)).toEqual(['At most 5.']);
    expect(wordsFor(z.number().min(1).max(5), 0)).toEqual(['At least 1.']);
    expect(wordsFor(z.number().positive(), 0)).toEqual(['More than 0.']);
    expect(wordsFor(z.number().lt(3), 3)).toEqual(['Less than 3.']);
  });

  it('asks for a whole number', () => {
    expect(wordsFor(z.number().int(), 1.5)).toEqual(['A whole number.']);
    expect(wordsFor(AssetSchema, { ...buildAsset(), criticality: 2.5 })).toEqual(['A whole number.']);
  });

  it('keeps the words it had for text, lists and missing numbers', () => {
    expect(wordsFor(z.string().trim().min(1), ' ')).toEqual(['Required.']);
    expect(wordsFor(z.string().max(3), 'abcd')).toEqual(['At most 3 characters.']);
    expect(wordsFor(z.array(z.string()).max(1), ['a', 'b'])).toEqual(['At most 1 entries.']);
    expect(wordsFor(z.number(), Number.NaN)).toEqual(['Enter a number.']);
    expect(wordsFor(z.email(), 'nope')).toEqual(['Invalid email address.']);
  });
});
