import { ATTACHMENT_CONTENT_TYPES, MAX_ATTACHMENT_BYTES } from '@shared/schemas/attachment';

/**
 * Photos are resized and re-encoded in the browser before they are stored, so each fits in one
 * replicated attachment document (MAX_ATTACHMENT_BYTES). Re-encoding also drops the camera's EXIF
 * block, GPS position included, and bakes the EXIF orientation into the pixels.
 */

export type ImageContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

export type CompressedImage = { base64: string; contentType: ImageContentType; size: number; width: number; height: number };

export type CompressOptions = {
  /** The longest side, in pixels, before any further shrinking. */
  maxDimension?: number;
  maxBytes?: number;
  type?: ImageContentType;
};

export class ImageTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`This photo cannot be made smaller than ${formatKilobytes(maxBytes)}, so it was not added. Try taking it again with less detail in the frame.`);
    this.name = 'ImageTooLargeError';
  }
}

export class UnsupportedImageError extends Error {
  constructor(detail = 'This file could not be opened as a picture.') {
    super(`${detail} Choose a JPEG, PNG or WebP photo.`);
    this.name = 'UnsupportedImageError';
  }
}

export const START_QUALITY = 0.85;
export const MIN_QUALITY = 0.5;
export const QUALITY_STEP = 0.1;
/** Each dimension step keeps this share of the longest side (about half the pixels). */
export const DIMENSION_FACTOR = 0.75;
/** Below this a site photo stops being useful evidence; give up instead. */
export const MIN_DIMENSION = 320;

export type CompressionStep = { quality: number; maxDimension: number };

/**
 * The next, smaller encoding to try after one came out too big, or null when there is none left:
 * quality goes down first (cheap, keeps the detail of a full-size photo), then the size. PNG is
 * lossless, so only its size can go down.
 */
export function nextCompressionStep(current: CompressionStep, lossy = true): CompressionStep | null {
  if (lossy && current.quality > MIN_QUALITY + 1e-9) {
    // Rounded so the steps are exactly 0.85, 0.75, 0.65, 0.55, 0.5 rather than float drift.
    const quality = Math.max(MIN_QUALITY, Math.round((current.quality - QUALITY_STEP) * 100) / 100);
    return { quality, maxDimension: current.maxDimension };
  }
  if (current.maxDimension <= MIN_DIMENSION) return null;
  return { quality: current.quality, maxDimension: Math.max(MIN_DIMENSION, Math.floor(current.maxDimension * DIMENSION_FACTOR)) };
}

/** Width and height scaled so the longest side is at most `maxDimension` (never enlarged, never 0). */
export function scaledSize(width: number, height: number, maxDimension: number): { width: number; height: number } {
  const scale = Math.min(1, maxDimension / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function formatKilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/** Resizes and re-encodes an image until it fits in `maxBytes`; throws ImageTooLargeError or UnsupportedImageError. */
export async function compressImage(file: Blob, options: CompressOptions = {}): Promise<CompressedImage> {
  const { maxDimension = 1600, maxBytes = MAX_ATTACHMENT_BYTES, type = 'image/jpeg' } = options;
  if (file.type && !file.type.startsWith('image/')) throw new UnsupportedImageError(`This file (${file.type}) is not a picture.`);
  const image = await decodeImage(file);
  try {
    const lossy = type !== 'image/png';
    let step: CompressionStep | null = { quality: START_QUALITY, maxDimension: Math.min(maxDimension, Math.max(image.width, image.height)) };
    while (step) {
      const size = scaledSize(image.width, image.height, step.maxDimension);
      const blob = await encode(image.source, size, type, step.quality);
      if (blob.size <= maxBytes) {
        return { base64: await blobToBase64(blob), contentType: encodedType(blob, type), size: blob.size, ...size };
      }
      step = nextCompressionStep(step, lossy);
    }
    throw new ImageTooLargeError(maxBytes);
  } finally {
    image.release();
  }
}

type DecodedImage = { source: CanvasImageSource; width: number; height: number; release: () => void };

async function decodeImage(file: Blob): Promise<DecodedImage> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return checked({ source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() });
    } catch (_error) {
      // Some browsers (older Safari) cannot decode every format here that an <img> can: fall back.
    }
  }
  return checked(await decodeWithImageElement(file));
}

async function decodeWithImageElement(file: Blob): Promise<DecodedImage> {
  if (typeof Image === 'undefined') throw new UnsupportedImageError();
  const image = new Image();
  // A data: URL rather than a blob: URL, because the server's Content-Security-Policy allows only data: images.
  image.src = base64ToDataUrl(await blobToBase64(file), file.type || 'image/jpeg');
  try {
    await image.decode();
  } catch (_error) {
    throw new UnsupportedImageError();
  }
  return { source: image, width: image.naturalWidth, height: image.naturalHeight, release: () => image.removeAttribute('src') };
}

function checked(image: DecodedImage): DecodedImage {
  if (image.width > 0 && image.height > 0) return image;
  image.release();
  throw new UnsupportedImageError('This picture has no pixels.');
}

/** Draws the image at `size` and encodes it; an OffscreenCanvas where there is one (no DOM needed). */
async function encode(source: CanvasImageSource, size: { width: number; height: number }, type: ImageContentType, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(size.width, size.height);
    paint(canvas.getContext('2d'), source, size, type);
    return canvas.convertToBlob({ type, quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  paint(canvas.getContext('2d'), source, size, type);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new UnsupportedImageError('This picture could not be encoded.'))), type, quality);
  });
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function paint(context: Context2D | null, source: CanvasImageSource, size: { width: number; height: number }, type: ImageContentType) {
  if (!context) throw new UnsupportedImageError('This browser cannot resize pictures.');
  if (type === 'image/jpeg') {
    // JPEG has no transparency; without a background transparent pixels turn black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
  }
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, size.width, size.height);
}

/** Browsers that cannot encode a type silently produce PNG; report what was really produced. */
function encodedType(blob: Blob, requested: ImageContentType): ImageContentType {
  const actual = ATTACHMENT_CONTENT_TYPES.find((contentType) => contentType === blob.type);
  if (blob.type && !actual) throw new UnsupportedImageError(`This browser produced ${blob.type}.`);
  return actual ?? requested;
}

/** Base64 of the blob's bytes, without a data: prefix (as attachments store it). */
export async function blobToBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

export function bytesToBase64(bytes: Uint8Array): string {
  // In chunks: String.fromCharCode(...bytes) overflows the call stack for a few hundred KB.
  const CHUNK = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function base64ToBlob(base64: string, contentType: string): Blob {
  return new Blob([base64ToBytes(base64)], { type: contentType });
}

/** An object URL for the bytes; the caller must URL.revokeObjectURL it when done (e.g. on unmount). */
export function base64ToBlobUrl(base64: string, contentType: string): string {
  return URL.createObjectURL(base64ToBlob(base64, contentType));
}

/** A data: URL for an <img>; needs no revoking and is allowed by the server's default CSP (img-src 'self' data:). */
export function base64ToDataUrl(base64: string, contentType: string): string {
  return `data:${contentType};base64,${base64}`;
}
