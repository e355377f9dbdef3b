import { BrowserMultiFormatReader, HTMLCanvasElementLuminanceSource } from '@zxing/browser';
import { BarcodeFormat, BinaryBitmap, ChecksumException, DecodeHintType, FormatException, HybridBinarizer, NotFoundException, type Result } from '@zxing/library';
import { readingAlternateFramesAtHalfSize } from './frame-scales';

/**
 * The camera barcode scanner, wrapping @zxing/browser: the rear camera by default, continuous
 * decoding of the symbologies asset labels use, the torch where the camera has one. Camera
 * failures become a CameraError naming the problem, so the screen can say what to do about it.
 * This module is only imported by the lazy scan screens: ZXing never lands in the first route.
 */

export const SCAN_FORMATS = [
  BarcodeFormat.QR_CODE,
  BarcodeFormat.DATA_MATRIX,
  BarcodeFormat.CODE_128,
  BarcodeFormat.CODE_39,
  BarcodeFormat.EAN_13,
  BarcodeFormat.EAN_8,
  BarcodeFormat.UPC_A,
  BarcodeFormat.UPC_E,
] as const;

export type CameraProblem = 'denied' | 'no-camera' | 'in-use' | 'insecure' | 'unsupported' | 'failed';

export const CAMERA_PROBLEM_MESSAGES: Record<CameraProblem, string> = {
  denied: 'Camera permission was denied. Allow the camera for this site in the browser settings, or type the asset tag below.',
  'no-camera': 'No camera was found on this device. Type the asset tag below instead.',
  'in-use': 'The camera is in use by another app or tab. Close it and try again, or type the asset tag below.',
  insecure: 'The camera only works over HTTPS. Type the asset tag below instead.',
  unsupported: 'This browser cannot use the camera. Type the asset tag below instead.',
  failed: 'The camera could not be started. Try again, or type the asset tag below.',
};

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    cause?: unknown,
  ) {
    super(CAMERA_PROBLEM_MESSAGES[problem]);
    this.name = 'CameraError';
    this.cause = cause;
  }
}

/**
 * getUserMedia's failures by DOMException name (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia);
 * older Chrome and Firefox names are mapped too.
 */
const PROBLEM_BY_ERROR_NAME: Record<string, CameraProblem> = {
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  SecurityError: 'denied',
  NotFoundError: 'no-camera',
  DevicesNotFoundError: 'no-camera',
  OverconstrainedError: 'no-camera',
  NotReadableError: 'in-use',
  TrackStartError: 'in-use',
  AbortError: 'in-use',
};

export function toCameraError(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return new CameraError(PROBLEM_BY_ERROR_NAME[name] ?? 'failed', error);
}

export type ScanHit = { text: string; format: string };

export type ScannerSession = {
  stop: () => void;
  /** The camera in use, so "switch camera" can move to the next one. */
  deviceId?: string;
  hasTorch: boolean;
  setTorch: (on: boolean) => Promise<void>;
};

/** `onStopped`: decoding ended by itself (the camera was released); the screen should start it again or say so. */
export type StartOptions = { deviceId?: string; onHit: (hit: ScanHit) => void; onStopped?: (error: CameraError) => void };

/**
 * ZXing's decode loop goes on after a frame without a readable code, and ends (releasing the
 * camera) on any other error, such as a frame drawn before the video had one.
 */
export function endsDecoding(error: unknown): boolean {
  return !(error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException);
}

/** Video inputs; labels are empty until the user has granted the camera once. */
export async function listCameras(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput');
}

/** Opens the camera into `video` and decodes continuously until stop(); throws CameraError. */
export async function startScanner(video: HTMLVideoElement, options: StartOptions): Promise<ScannerSession> {
  if (!window.isSecureContext) throw new CameraError('insecure');
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported');
  const constraints: MediaStreamConstraints = {
    audio: false,
    video: options.deviceId ? { deviceId: { exact: options.deviceId } } : { facingMode: { ideal: 'environment' } },
  };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    throw toCameraError(error);
  }
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [...SCAN_FORMATS]],
    // Worth the extra work per frame: 1D labels on curved or dirty equipment decode far more often.
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new AlternateScaleReader(hints, { delayBetweenScanAttempts: 120, delayBetweenScanSuccess: 800 });
  try {
    // Frames without a code report NotFoundException through `error`: that is the normal case, not a failure.
    const controls = await reader.decodeFromStream(stream, video, (result, error) => {
      if (result) options.onHit({ text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()] ?? 'unknown' });
      else if (error && endsDecoding(error)) options.onStopped?.(toCameraError(error));
    });
    const track = stream.getVideoTracks()[0];
    return {
      stop: () => controls.stop(),
      deviceId: track?.getSettings().deviceId,
      hasTorch: controls.switchTorch !== undefined,
      setTorch: (on) => controls.switchTorch?.(on) ?? Promise.resolve(),
    };
  } catch (error) {
    for (const track of stream.getTracks()) track.stop();
    throw toCameraError(error);
  }
}

/** ZXing's reader, each frame read as ZXing reads it (a hybrid binarizer over the canvas), every other one at half size (app/platform/frame-scales.ts). */
class AlternateScaleReader extends BrowserMultiFormatReader {
  private readonly readFrame = readingAlternateFramesAtHalfSize((source) => this.decodeBitmap(new BinaryBitmap(new HybridBinarizer(source))));

  override decodeFromCanvas(canvas: HTMLCanvasElement): Result {
    return this.readFrame(new HTMLCanvasElementLuminanceSource(canvas));
  }
}

let audio: AudioContext | undefined;

/** A short beep and a buzz on a successful scan, so the user can look at the label, not the screen. */
export function signalHit(): void {
  navigator.vibrate?.(80);
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = 1760;
  gain.gain.value = 0.08;
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + 0.09);
}
