import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '@shared/schemas/attachment';
import {
  base64ToBlob, base64ToBytes, base64ToDataUrl, blobToBase64, bytesToBase64, compressImage, ImageTooLargeError, MIN_DIMENSION, nextCompressionStep,
  scaledSize, START_QUALITY, UnsupportedImageError, type CompressionStep,
} from '@app/platform/image';
import { TINY_PNG_BASE64 } from '../../helpers/factories';

/** Every step from the first until there is none left. */
function allSteps(first: CompressionStep, lossy = true): CompressionStep[] {
  const steps = [first];
  for (let next = nextCompressionStep(first, lossy); next; next = nextCompressionStep(next, lossy)) steps.push(next);
  return steps;
}

describe('nextCompressionStep', () => {
  it('lowers JPEG quality first, 0.85 → 0.5, keeping the size', () => {
    const steps = allSteps({ quality: START_QUALITY, maxDimension: 1600 });
    expect(steps.slice(0, 5)).toEqual([0.85, 0.75, 0.65, 0.55, 0.5].map((quality) => ({ quality, maxDimension: 1600 })));
  });

  it('then shrinks the size at the lowest quality, down to a floor, and then gives up', () => {
    const sizes = allSteps({ quality: START_QUALITY, maxDimension: 1600 }).slice(4).map((step) => step.maxDimension);
    expect(sizes).toEqual([1600, 1200, 900, 675, 506, 379, 320]);
    expect(nextCompressionStep({ quality: 0.5, maxDimension: MIN_DIMENSION })).toBeNull();
  });

  it('only shrinks a lossless PNG (quality means nothing to it)', () => {
    const steps = allSteps({ quality: START_QUALITY, maxDimension: 1200 }, false);
    expect(steps.map((step) => step.maxDimension)).toEqual([1200, 900, 675, 506, 379, 320]);
    expect(new Set(steps.map((step) => step.quality))).toEqual(new Set([START_QUALITY]));
  });

  it('gives up at once on an image already at or below the floor', () => {
    expect(nextCompressionStep({ quality: 0.5, maxDimension: 200 })).toBeNull();
  });
});

describe('scaledSize', () => {
  it('fits the longest side into the limit, keeping the aspect ratio', () => {
    expect(scaledSize(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges and never reaches zero', () => {
    expect(scaledSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(scaledSize(10_000, 1, 1000)).toEqual({ width: 1000, height: 1 });
  });
});

describe('base64 helpers', () => {
  it('round-trip bytes, including inputs larger than one conversion chunk', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, index) => (index * 7) % 256);
    const base64 = bytesToBase64(bytes);
    expect(base64).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(base64)).toEqual(bytes);
  });

  it('read a blob as base64 without a data: prefix, and build a blob back from it', async () => {
    const blob = base64ToBlob(TINY_PNG_BASE64, 'image/png');
    expect(blob.type).toBe('image/png');
    expect(await blobToBase64(blob)).toBe(TINY_PNG_BASE64);
  });

  it('builds a data: URL (the server CSP allows data: images, not blob:)', () => {
    expect(base64ToDataUrl('AAAA', 'image/jpeg')).toBe('data:image/jpeg;base64,AAAA');
  });
});

/**
 * The canvas is the browser's; here a stand-in whose output shrinks with quality and pixel count
 * checks what compressImage itself decides: the order of attempts, when to stop, and what it reports.
 */
type Attempt = { width: number; height: number; type: string; quality: number };
function fakeCanvas(bytesFor: (attempt: Attempt) => number, attempts: Attempt[] = []) {
  class FakeOffscreenCanvas {
    constructor(
      readonly width: number,
      readonly height: number,
    ) {}
    getContext() {
      return { fillStyle: '', fillRect: () => undefined, drawImage: () => undefined, imageSmoothingEnabled: false, imageSmoothingQuality: 'low' };
    }
    convertToBlob({ type, quality }: { type: string; quality: number }) {
      const attempt = { width: this.width, height: this.height, type, quality };
      attempts.push(attempt);
      return Promise.resolve(new Blob([new Uint8Array(bytesFor(attempt))], { type }));
    }
  }
  vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
  return attempts;
}
const fakeBitmap = (width: number, height: number) =>
  vi.stubGlobal('createImageBitmap', () => Promise.resolve({ width, height, close: () => undefined }));
const photo = new Blob([new Uint8Array(10)], { type: 'image/jpeg' });

describe('compressImage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('resizes to the longest side and keeps the first encoding that fits', async () => {
    fakeBitmap(4000, 3000);
    const attempts = fakeCanvas(() => 1000);
    const result = await compressImage(photo);
    expect(attempts).toEqual([{ width: 1600, height: 1200, type: 'image/jpeg', quality: 0.85 }]);
    expect(result).toMatchObject({ contentType: 'image/jpeg', size: 1000, width: 1600, height: 1200 });
    expect(base64ToBytes(result.base64)).toHaveLength(1000);
  });

  it('steps quality down, then size, until the photo fits the attachment limit', async () => {
    fakeBitmap(4000, 3000);
    // Bytes grow with pixels and quality: only a smaller image at the lowest quality fits.
    const attempts = fakeCanvas(({ width, height, quality }) => Math.round(width * height * quality * 0.6));
    const result = await compressImage(photo);
    expect(attempts.map((attempt) => attempt.quality)).toEqual([0.85, 0.75, 0.65, 0.55, 0.5, 0.5]);
    expect(attempts.at(-1)).toMatchObject({ width: 1200, height: 900 });
    expect(result.size).toBeLessThanOrEqual(MAX_ATTACHMENT_BYTES);
  });

  it('refuses a photo that stays too big even at the smallest size, saying so', async () => {
    fakeBitmap(4000, 3000);
    fakeCanvas(() => MAX_ATTACHMENT_BYTES + 1);
    await expect(compressImage(photo)).rejects.toBeInstanceOf(ImageTooLargeError);
    await expect(compressImage(photo)).rejects.toThrow('This photo cannot be made smaller than 400 KB');
  });

  it('encodes signatures as PNG, only shrinking them', async () => {
    fakeBitmap(1000, 400);
    const attempts = fakeCanvas(({ width }) => (width > 600 ? MAX_ATTACHMENT_BYTES * 2 : 5000));
    const result = await compressImage(new Blob([new Uint8Array(10)], { type: 'image/png' }), { type: 'image/png' });
    expect(attempts.map((attempt) => attempt.width)).toEqual([1000, 750, 562]);
    expect(result).toMatchObject({ contentType: 'image/png', width: 562 });
  });

  it('refuses a file that is not a picture before decoding it', async () => {
    await expect(compressImage(new Blob(['hello'], { type: 'text/plain' }))).rejects.toBeInstanceOf(UnsupportedImageError);
  });

  it('refuses a picture the browser cannot decode (no <img> fallback here either)', async () => {
    vi.stubGlobal('createImageBitmap', () => Promise.reject(new DOMException('bad', 'InvalidStateError')));
    await expect(compressImage(photo)).rejects.toThrow('Choose a JPEG, PNG or WebP photo');
  });

  it('reports a type the browser silently substituted', async () => {
    fakeBitmap(100, 100);
    vi.stubGlobal('OffscreenCanvas', class {
      getContext() {
        return { fillRect: () => undefined, drawImage: () => undefined };
      }
      convertToBlob() {
        return Promise.resolve(new Blob([new Uint8Array(100)], { type: 'image/png' }));
      }
    });
    expect((await compressImage(photo, { type: 'image/webp' })).contentType).toBe('image/png');
  });
});
