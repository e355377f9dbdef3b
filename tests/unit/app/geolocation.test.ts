import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAXIMUM_AGE_MS, DEFAULT_TIMEOUT_MS, GEOLOCATION_FAILURES, GeolocationError, geolocationErrorFromCode, getCurrentPosition, toPosition,
} from '@app/platform/geolocation';

type Success = Parameters<Geolocation['getCurrentPosition']>[0];
type Failure = NonNullable<Parameters<Geolocation['getCurrentPosition']>[1]>;

/** A stand-in for navigator.geolocation that answers the way a browser would. */
function fakeGeolocation(answer: (success: Success, failure: Failure) => void) {
  const calls: (PositionOptions | undefined)[] = [];
  return {
    calls,
    geolocation: {
      getCurrentPosition(success: Success, failure?: Failure | null, options?: PositionOptions) {
        calls.push(options);
        if (failure) answer(success, failure);
      },
    },
  };
}

const positionError = (code: number) => ({ code, message: 'browser text', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }) as GeolocationPositionError;
const fix = (overrides: Partial<GeolocationCoordinates> = {}, timestamp = Date.parse('2026-03-02T09:00:00.000Z')) =>
  ({ coords: { latitude: 51.5, longitude: -0.12, accuracy: 12.5, ...overrides }, timestamp }) as GeolocationPosition;

describe('geolocation errors', () => {
  it('maps the GeolocationPositionError codes to reasons', () => {
    expect(geolocationErrorFromCode(1).reason).toBe('denied');
    expect(geolocationErrorFromCode(2).reason).toBe('unavailable');
    expect(geolocationErrorFromCode(3).reason).toBe('timeout');
    expect(geolocationErrorFromCode(99).reason).toBe('unavailable');
  });

  it('gives every reason a message that says location is needed to check in', () => {
    for (const reason of GEOLOCATION_FAILURES) {
      const error = new GeolocationError(reason);
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(/needed to check in/);
    }
    expect(new GeolocationError('denied').message).toMatch(/browser settings/);
  });
});

describe('getCurrentPosition', () => {
  it('asks for a high-accuracy fix with a timeout and a one-minute maximum age', async () => {
    const fake = fakeGeolocation((success) => success(fix()));
    const position = await getCurrentPosition({ geolocation: fake.geolocation });
    expect(fake.calls).toEqual([{ enableHighAccuracy: true, timeout: DEFAULT_TIMEOUT_MS, maximumAge: DEFAULT_MAXIMUM_AGE_MS }]);
    expect(position).toEqual({ lat: 51.5, lng: -0.12, accuracy: 12.5, at: '2026-03-02T09:00:00.000Z' });
  });

  it.each([
    [1, 'denied'],
    [2, 'unavailable'],
    [3, 'timeout'],
  ])('rejects code %i as a GeolocationError "%s"', async (code, reason) => {
    const fake = fakeGeolocation((_success, failure) => failure(positionError(code)));
    await expect(getCurrentPosition({ geolocation: fake.geolocation })).rejects.toMatchObject({ name: 'GeolocationError', reason });
  });

  it('is "unsupported" where the browser has no geolocation (Node has none)', async () => {
    await expect(getCurrentPosition()).rejects.toMatchObject({ reason: 'unsupported' });
  });

  it('stops waiting when the browser never answers (a dismissed permission prompt)', async () => {
    const fake = fakeGeolocation(() => undefined);
    await expect(getCurrentPosition({ geolocation: fake.geolocation, overallTimeoutMs: 10 })).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('turns a throwing implementation into "unsupported"', async () => {
    const geolocation = {
      getCurrentPosition() {
        throw new Error('blocked by permissions policy');
      },
    };
    await expect(getCurrentPosition({ geolocation })).rejects.toMatchObject({ reason: 'unsupported' });
  });
});

describe('toPosition', () => {
  it('uses the time of the fix, or now when the browser reports nonsense', () => {
    const now = Date.parse('2026-03-02T10:00:00.000Z');
    expect(toPosition(fix({}, now - 30_000), now).at).toBe('2026-03-02T09:59:30.000Z');
    expect(toPosition(fix({}, 0), now).at).toBe('2026-03-02T10:00:00.000Z');
    expect(toPosition(fix({}, now + 86_400_000), now).at).toBe('2026-03-02T10:00:00.000Z');
  });

  it('refuses a fix without coordinates as "unavailable"', () => {
    expect(() => toPosition(fix({ latitude: Number.NaN }))).toThrow(GeolocationError);
  });
});
