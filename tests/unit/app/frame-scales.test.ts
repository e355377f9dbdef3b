import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, NotFoundException, RGBLuminanceSource, type LuminanceSource } from '@zxing/library';
import { halfSize, readingAlternateFramesAtHalfSize } from '@app/platform/frame-scales';
import { SCAN_FORMATS } from '@app/platform/barcode-scanner';

/**
 * A camera frame (640×480, Chromium's fake camera filming an asset's QR label) that ZXing could not
 * read in a minute of frames at full size: the scan e2e test's rare failure.
 */
const FRAME = path.resolve(import.meta.dirname, '../../fixtures/qr-frame-zxing-misses-at-full-size.png');
const URL_ON_LABEL = 'http://localhost:42083/a/AST-LON-0007';

function frameSource(): LuminanceSource {
  const png = PNG.sync.read(fs.readFileSync(FRAME));
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let index = 0; index < luminance.length; index++) {
    const [red, green, blue] = [png.data[4 * index]!, png.data[4 * index + 1]!, png.data[4 * index + 2]!];
    luminance[index] = (red * 299 + green * 587 + blue * 114) / 1000;
  }
  return new RGBLuminanceSource(luminance, png.width, png.height);
}

/** ZXing as the scanner runs it: the labels' symbologies, trying harder, a hybrid binarizer. */
function zxingDecode(source: LuminanceSource) {
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [...SCAN_FORMATS]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new MultiFormatReader();
  reader.setHints(hints);
  return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
}

describe('reading camera frames at two scales', () => {
  it('reads the label in the frame ZXing misses at full size, on the next frame', () => {
    expect(() => zxingDecode(frameSource())).toThrow(NotFoundException);
    const read = readingAlternateFramesAtHalfSize(zxingDecode);
    expect(() => read(frameSource())).toThrow(NotFoundException);
    const result = read(frameSource());
    expect(result.getText()).toBe(URL_ON_LABEL);
    expect(result.getBarcodeFormat()).toBe(BarcodeFormat.QR_CODE);
  });

  it('halves a frame, each pixel the mean of the four it replaces', () => {
    const frame = new RGBLuminanceSource(new Uint8ClampedArray([0, 40, 200, 200, 80, 120, 100, 100, 9, 9, 9, 9]), 4, 3);
    const half = halfSize(frame);
    expect([half.getWidth(), half.getHeight()]).toEqual([2, 1]);
    expect([...half.getMatrix()]).toEqual([60, 150]);
  });
});
