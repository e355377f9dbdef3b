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
  const fullWidth = source.getWidth();
  const width = Math.floor(fullWidth / 2);
  const height = Math.floor(source.getHeight() / 2);
  const full = source.getMatrix();
  const half = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const topLeft = 2 * (y * fullWidth + x);
      half[y * width + x] = (full[topLeft]! + full[topLeft + 1]! + full[topLeft + fullWidth]! + full[topLeft + fullWidth + 1]!) >> 2;
    }
  }
  return new RGBLuminanceSource(half, width, height);
}
