import { describe, expect, it } from 'vitest';
import { CameraError, endsDecoding, SCAN_FORMATS, toCameraError } from '@app/platform/barcode-scanner';
import { BarcodeFormat, ChecksumException, FormatException, NotFoundException } from '@zxing/library';

describe('camera errors', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'in-use'],
    ['AbortError', 'in-use'],
    ['SomethingElse', 'failed'],
  ])('%s is the problem %s, with a message that points at typing the tag', (name, problem) => {
    const error = toCameraError(Object.assign(new Error('boom'), { name }));
    expect(error).toBeInstanceOf(CameraError);
    expect(error.problem).toBe(problem);
    expect(error.message).toMatch(/tag|try again/i);
  });

  it('reads every symbology asset labels use', () => {
    expect(SCAN_FORMATS).toEqual(
      expect.arrayContaining([BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E]),
    );
  });

  it('keeps decoding after a frame without a readable code, and knows when ZXing has stopped', () => {
    expect(endsDecoding(new NotFoundException())).toBe(false);
    expect(endsDecoding(new ChecksumException())).toBe(false);
    expect(endsDecoding(new FormatException())).toBe(false);
    // A frame drawn before the video had one: ZXing's loop ends and releases the camera.
    expect(endsDecoding(Object.assign(new Error('The source width is 0.'), { name: 'IndexSizeError' }))).toBe(true);
  });
});
