import { AssetTagSchema } from '@shared/schemas/asset';

/**
 * What a scanned (or typed) code means. A label carries either the bare asset tag (Code 128,
 * Code 39, Data Matrix, EAN/UPC on older equipment) or the asset page's URL (our QR labels, so a
 * phone's own camera app opens the PWA). Anything else is refused with a message saying why;
 * nothing a label says is trusted beyond the tag it yields.
 */
export type ScannedCode = { kind: 'tag'; tag: string; source: 'tag' | 'url' } | { kind: 'invalid'; message: string };

/** Longest text worth looking at: a URL to an asset page is far shorter. */
const MAX_CODE_LENGTH = 500;
const ASSET_PATH = /^\/a\/([^/]+)\/?$/;

/** The stable URL printed in a QR label: it names the tag only, so it survives any other change to the asset. */
export function assetUrl(origin: string, tag: string): string {
  return `${origin.replace(/\/+$/, '')}/a/${encodeURIComponent(tag)}`;
}

export function parseScannedCode(raw: string): ScannedCode {
  const text = raw.trim();
  if (!text) return { kind: 'invalid', message: 'The code is empty.' };
  if (text.length > MAX_CODE_LENGTH) return { kind: 'invalid', message: 'This code is too long to be an asset label.' };
  if (/^https?:\/\//i.test(text)) return parseLabelUrl(text);
  return parseTag(text, 'tag');
}

function parseLabelUrl(text: string): ScannedCode {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'invalid', message: 'This QR code holds a web address that cannot be read.' };
  }
  // Any origin: a label printed by another installation (or before a domain move) still names the tag.
  const match = ASSET_PATH.exec(url.pathname);
  if (!match?.[1]) return { kind: 'invalid', message: 'This QR code holds a web address, not an asset label.' };
  let tag: string;
  try {
    tag = decodeURIComponent(match[1]);
  } catch {
    return { kind: 'invalid', message: 'The asset tag in this address is garbled.' };
  }
  return parseTag(tag, 'url');
}

/** Tags are upper case; scanners and people sometimes are not. */
function parseTag(text: string, source: 'tag' | 'url'): ScannedCode {
  const tag = text.trim().toUpperCase();
  const parsed = AssetTagSchema.safeParse(tag);
  if (!parsed.success) {
    return { kind: 'invalid', message: `“${shorten(text)}” is not an asset tag (tags are 3–40 letters, digits and dashes, like AST-LON-0001).` };
  }
  return { kind: 'tag', tag: parsed.data, source };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
