import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeY4m, frameFromPng, qrLabelPng } from '../../e2e/fake-camera';

describe('fake camera video (test support)', () => {
  it('writes a Y4M header and I420 frames of the right size, with the label still readable', async () => {
    const png = await qrLabelPng('http://localhost/a/AST-LON-0001');
    const frame = frameFromPng(png);
    expect(jsQR(new Uint8ClampedArray(frame.data), frame.width, frame.height)?.data).toBe('http://localhost/a/AST-LON-0001');
    const video = encodeY4m(frame, 2);
    const header = 'YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n';
    expect(video.subarray(0, header.length).toString('ascii')).toBe(header);
    expect(video.length).toBe(header.length + 2 * ('FRAME\n'.length + 640 * 480 * 1.5));
    // White paper stays white (Y 255, neutral chroma) and black modules black.
    const y = video.subarray(header.length + 6, header.length + 6 + 640 * 480);
    expect(y[0]).toBe(255);
    expect(y.includes(0)).toBe(true);
  });
});
