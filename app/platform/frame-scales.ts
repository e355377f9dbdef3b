import { RGBLuminanceSource, type LuminanceSource, type Result } from '@zxing/library';

/**
 * ZXing's QR detector misses some codes at one scale and reads them at another: a camera held
 * still in front of such a label gave the same unreadable frame for a minute (a QR of the asset
 * URL, 640×480, read at once at half size; tests/unit/app/frame-scales.test.ts). So every other
 * frame is read at half size too, which also halves that frame's work.
 */
export function readingAlternateFramesAtHalfSize(decode: (source: LuminanceSource) => Result): (source: LuminanceSource) => Result {
  let frame = 0;
  return (source) => decode(frame++ % 2 === 0 ? source : halfSize(source));
}

/** The frame at half its width and height, each pixel the mean of the four it replaces. */
export function halfSize(source: LuminanceSource): LuminanceSource {
  const width = Math.floor(source.getWidth() / 2);
  const height = Math.floor(source.getHeight() / 2);
  const full = source.getMatrix();
  const fullWidth = source.getWidth();
  const half = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    const top = 2 * y * fullWidth;
    const bottom = top + fullWidth;
    for (let x = 0; x < width; x++) {
      const left = 2 * x;
      half[y * width + x] = ((full[top + left]! & 0xff) + (full[top + left + 1]! & 0xff) + (full[bottom + left]! & 0xff) + (full[bottom + left + 1]! & 0xff)) >> 2;
    }
  }
  return new RGBLuminanceSource(half, width, height);
}
