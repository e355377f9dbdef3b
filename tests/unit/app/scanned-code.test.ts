import { describe, expect, it } from 'vitest';
import { assetUrl, parseScannedCode } from '@app/features/scan/scanned-code';

describe('parseScannedCode', () => {
  it.each([
    ['AST-LON-0001', 'AST-LON-0001', 'tag'],
    ['  ast-lon-0001 \n', 'AST-LON-0001', 'tag'],
    ['4006381333931', '4006381333931', 'tag'],
    ['https://fs.example.com/a/AST-LON-0001', 'AST-LON-0001', 'url'],
    ['http://localhost:8080/a/AST-LON-0001/', 'AST-LON-0001', 'url'],
    ['https://old.example.org/a/AST%2DNYC%2D0042', 'AST-NYC-0042', 'url'],
  ])('%j is the tag %s', (raw, tag, source) => {
    expect(parseScannedCode(raw)).toEqual({ kind: 'tag', tag, source });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['hello world', /not an asset tag/],
    ['A', /not an asset tag/],
    ['x'.repeat(600), /too long/],
    ['https://example.com/', /not an asset label/],
    ['https://example.com/a/AST-1/extra', /not an asset label/],
    ['https://example.com/a/%E0%A4%A', /garbled/],
    ['https://example.com/a/has%20space', /not an asset tag/],
    ['http://[::1', /cannot be read/],
  ])('%j is refused with a reason', (raw, message) => {
    const parsed = parseScannedCode(raw);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.message).toMatch(message);
  });

  it('reads back the label URL it builds', () => {
    const url = assetUrl('https://fs.example.com/', 'AST-LON-0001');
    expect(url).toBe('https://fs.example.com/a/AST-LON-0001');
    expect(parseScannedCode(url)).toEqual({ kind: 'tag', tag: 'AST-LON-0001', source: 'url' });
  });
});
