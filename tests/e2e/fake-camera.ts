import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bwipjs from 'bwip-js/node';
import { PNG } from 'pngjs';
import { toBuffer as qrToPng } from 'qrcode';

/**
 * Chromium's fake camera (`--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>`)
 * plays a Y4M video in a loop. These helpers turn a label image (PNG) into such a video: the label
 * centred on white at camera resolution, converted from RGB to I420 (YUV 4:2:0, BT.601 full range).
 */
export const CAMERA_WIDTH = 640;
export const CAMERA_HEIGHT = 480;

type Rgba = { width: number; height: number; data: Uint8Array };

/** A QR label of `text` (what our printed labels carry), as PNG. */
export function qrLabelPng(text: string): Promise<Buffer> {
  return qrToPng(text, { errorCorrectionLevel: 'M', margin: 4, width: 360 });
}

/** A Code 128 label of `text` (a tag printed as a linear barcode), as PNG. */
export function code128LabelPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 18, includetext: false, paddingwidth: 12, paddingheight: 12, backgroundcolor: 'FFFFFF' });
}

/** The label drawn 1:1 in the middle of a white camera frame (a label held in front of the lens). */
export function frameFromPng(png: Buffer, width = CAMERA_WIDTH, height = CAMERA_HEIGHT): Rgba {
  const label = PNG.sync.read(png);
  if (label.width > width || label.height > height) throw new Error(`label ${label.width}×${label.height} does not fit a ${width}×${height} frame`);
  const data = new Uint8Array(width * height * 4).fill(255);
  const left = Math.floor((width - label.width) / 2);
  const top = Math.floor((height - label.height) / 2);
  for (let y = 0; y < label.height; y++) {
    for (let x = 0; x < label.width; x++) {
      const from = (y * label.width + x) * 4;
      const to = ((top + y) * width + left + x) * 4;
      const alpha = (label.data[from + 3] ?? 255) / 255;
      for (let channel = 0; channel < 3; channel++) data[to + channel] = Math.round((label.data[from + channel] ?? 255) * alpha + 255 * (1 - alpha));
    }
  }
  return { width, height, data };
}

/** One I420 frame: the full-size Y plane, then U and V averaged over 2×2 blocks. */
export function rgbaToI420({ width, height, data }: Rgba): Buffer {
  const chromaWidth = width / 2;
  const chromaHeight = height / 2;
  const out = Buffer.alloc(width * height + 2 * chromaWidth * chromaHeight);
  const rgb = (x: number, y: number) => {
    const index = (y * width + x) * 4;
    return [data[index] ?? 0, data[index + 1] ?? 0, data[index + 2] ?? 0] as const;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, y);
      out[y * width + x] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  const uOffset = width * height;
  const vOffset = uOffset + chromaWidth * chromaHeight;
  for (let y = 0; y < chromaHeight; y++) {
    for (let x = 0; x < chromaWidth; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const [pr, pg, pb] = rgb(2 * x + dx, 2 * y + dy);
        r += pr / 4;
        g += pg / 4;
        b += pb / 4;
      }
      out[uOffset + y * chromaWidth + x] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
      out[vOffset + y * chromaWidth + x] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
    }
  }
  return out;
}

/** A Y4M file (https://wiki.multimedia.cx/index.php/YUV4MPEG2) repeating one frame. */
export function encodeY4m(frame: Rgba, frames = 3, fps = 10): Buffer {
  if (frame.width % 2 || frame.height % 2) throw new Error('I420 needs even dimensions');
  const header = Buffer.from(`YUV4MPEG2 W${frame.width} H${frame.height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const body = rgbaToI420(frame);
  const parts: Buffer[] = [header];
  for (let index = 0; index < frames; index++) parts.push(Buffer.from('FRAME\n', 'ascii'), body);
  return Buffer.concat(parts);
}

/** Writes the fake-camera video of a label to a temp file and returns the Chromium flags that use it. */
export function fakeCameraArgs(labelPng: Buffer, name: string): { file: string; args: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-camera-'));
  const file = path.join(dir, `${name}.y4m`);
  fs.writeFileSync(file, encodeY4m(frameFromPng(labelPng)));
  return { file, args: ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`] };
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
