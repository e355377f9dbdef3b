/**
 * The device's position for a work-order check-in, as one promise with typed failures the screen
 * can explain. Geolocation only exists in secure contexts (https or localhost).
 * Spec: https://www.w3.org/TR/geolocation/#getcurrentposition-method
 */

export type Position = { lat: number; lng: number; accuracy: number; at: string };

export const GEOLOCATION_FAILURES = ['denied', 'unavailable', 'timeout', 'unsupported'] as const;
export type GeolocationFailure = (typeof GEOLOCATION_FAILURES)[number];

/** What the engineer reads, per failure: what happened and what to do about it. */
export const GEOLOCATION_MESSAGES: Record<GeolocationFailure, string> = {
  denied:
    'Location permission is blocked. Your location is needed to check in: allow location for this app in your browser settings ' +
    '(tap the lock or site-settings icon next to the address, then Permissions → Location → Allow), then try again.',
  unavailable:
    'Your position could not be found. Your location is needed to check in: turn on location services for this device, ' +
    'move outside or near a window, then try again.',
  timeout: 'Finding your position took too long. Your location is needed to check in: move to where the signal is better, then try again.',
  unsupported:
    'This browser cannot share your location (it needs location support and a secure https connection). Your location is needed to check in.',
};

export class GeolocationError extends Error {
  constructor(readonly reason: GeolocationFailure) {
    super(GEOLOCATION_MESSAGES[reason]);
    this.name = 'GeolocationError';
  }
}

/** GeolocationPositionError codes (the spec's constants, so this also works where the class is absent). */
const PERMISSION_DENIED = 1;
const POSITION_UNAVAILABLE = 2;
const TIMEOUT = 3;

/** Maps a GeolocationPositionError code to our failure; unknown codes count as "unavailable". */
export function geolocationErrorFromCode(code: number): GeolocationError {
  if (code === PERMISSION_DENIED) return new GeolocationError('denied');
  if (code === TIMEOUT) return new GeolocationError('timeout');
  if (code === POSITION_UNAVAILABLE) return new GeolocationError('unavailable');
  return new GeolocationError('unavailable');
}

export type PositionOptions = {
  /** How long the device may take to get a fix once permission is granted. */
  timeoutMs?: number;
  /** A fix this recent is good enough (an engineer standing at the site a minute ago is still there). */
  maximumAgeMs?: number;
  /**
   * The browser's own timeout does not run while the permission prompt is open, and some browsers
   * never call back when the prompt is dismissed; this bounds the whole wait so the screen never
   * spins forever.
   */
  overallTimeoutMs?: number;
  /** Injected in tests; defaults to navigator.geolocation. */
  geolocation?: Pick<Geolocation, 'getCurrentPosition'>;
};

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAXIMUM_AGE_MS = 60_000;
export const DEFAULT_OVERALL_TIMEOUT_MS = 60_000;

/** Converts the browser's position; `at` is when the fix was taken (it may be up to maximumAge old). */
export function toPosition(position: Pick<GeolocationPosition, 'coords' | 'timestamp'>, now = Date.now()): Position {
  const { latitude, longitude, accuracy } = position.coords;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new GeolocationError('unavailable');
  // A few older browsers report a timestamp on another epoch; fall back to now rather than save a nonsense date.
  const takenAt = Number.isFinite(position.timestamp) && position.timestamp > 0 && position.timestamp <= now + 60_000 ? position.timestamp : now;
  return { lat: latitude, lng: longitude, accuracy: Number.isFinite(accuracy) ? Math.max(0, accuracy) : 0, at: new Date(takenAt).toISOString() };
}

function defaultGeolocation(): Pick<Geolocation, 'getCurrentPosition'> | undefined {
  return typeof navigator !== 'undefined' && 'geolocation' in navigator ? navigator.geolocation : undefined;
}

/** Resolves with the current position (high accuracy) or rejects with a GeolocationError. */
export function getCurrentPosition(options: PositionOptions = {}): Promise<Position> {
  const geolocation = options.geolocation ?? defaultGeolocation();
  if (!geolocation) return Promise.reject(new GeolocationError('unsupported'));
  return new Promise<Position>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      outcome();
    };
    const watchdog = setTimeout(() => settle(() => reject(new GeolocationError('timeout'))), options.overallTimeoutMs ?? DEFAULT_OVERALL_TIMEOUT_MS);
    try {
      geolocation.getCurrentPosition(
        (position) =>
          settle(() => {
            try {
              resolve(toPosition(position));
            } catch (error) {
              reject(error instanceof GeolocationError ? error : new GeolocationError('unavailable'));
            }
          }),
        (error) => settle(() => reject(geolocationErrorFromCode(error.code))),
        { enableHighAccuracy: true, timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maximumAge: options.maximumAgeMs ?? DEFAULT_MAXIMUM_AGE_MS },
      );
    } catch (_error) {
      // A throwing implementation (seen in some WebViews) still ends in a typed error and stops the watchdog.
      settle(() => reject(new GeolocationError('unsupported')));
    }
  });
}
