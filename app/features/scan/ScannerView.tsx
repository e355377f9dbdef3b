import { useEffect, useRef, useState } from 'react';
import { CameraError, listCameras, startScanner, toCameraError, type ScanHit, type ScannerSession } from '../../platform/barcode-scanner';
import { oneSessionAtATime } from './one-session-at-a-time';

const MAX_AUTOMATIC_RESTARTS = 3;

type CameraState = { kind: 'starting' } | { kind: 'scanning'; session: ScannerSession } | { kind: 'failed'; error: CameraError };

/**
 * The live camera with its controls (switch camera, torch). The camera runs only while this view is
 * on screen: leaving the screen, or the tab going to the background, stops it.
 */
export function ScannerView({ onHit }: { onHit: (hit: ScanHit) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const hitHandler = useRef(onHit);
  hitHandler.current = onHit;
  const [deviceId, setDeviceId] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [torchOn, setTorchOn] = useState(false);
  const [hidden, setHidden] = useState(document.visibilityState === 'hidden');
  const restarts = useRef(0);
  const [startInTurn] = useState(() => oneSessionAtATime<ScannerSession>());

  useEffect(() => {
    const onVisibility = () => setHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    const element = video.current;
    if (!element || hidden) return;
    let session: ScannerSession | undefined;
    let cancelled = false;
    setState({ kind: 'starting' });
    setTorchOn(false);
    const onStopped = (error: CameraError) => {
      if (cancelled) return;
      // A decoding hiccup gets a fresh start, a few times; then the screen says so and offers a retry.
      if (restarts.current < MAX_AUTOMATIC_RESTARTS) {
        restarts.current += 1;
        setAttempt((count) => count + 1);
      } else setState({ kind: 'failed', error });
    };
    const onHit = (hit: ScanHit) => {
      restarts.current = 0;
      hitHandler.current(hit);
    };
    startInTurn(() => startScanner(element, { deviceId, onHit, onStopped }), () => cancelled).then(
      async (started) => {
        if (!started) return;
        session = started;
        setState({ kind: 'scanning', session: started });
        // Labels (and so a useful list) are only available once the camera was granted.
        setCameras(await listCameras());
      },
      (error: unknown) => !cancelled && setState({ kind: 'failed', error: toCameraError(error) }),
    );
    return () => {
      cancelled = true;
      session?.stop();
    };
  }, [deviceId, attempt, hidden, startInTurn]);

  function switchCamera() {
    if (state.kind !== 'scanning' || cameras.length < 2) return;
    const index = cameras.findIndex((camera) => camera.deviceId === state.session.deviceId);
    setDeviceId(cameras[(index + 1) % cameras.length]?.deviceId);
  }

  async function toggleTorch() {
    if (state.kind !== 'scanning') return;
    await state.session.setTorch(!torchOn);
    setTorchOn(!torchOn);
  }

  return (
    <section className="scanner" aria-label="Camera scanner">
      <div className="scanner__frame" hidden={state.kind === 'failed'}>
        <video ref={video} className="scanner__video" muted playsInline aria-label="Camera preview" />
        <div className="scanner__target" aria-hidden="true" />
      </div>
      {state.kind === 'starting' && (
        <p role="status" className="muted">
          Starting the camera…
        </p>
      )}
      {state.kind === 'scanning' && (
        <>
          <p role="status" className="muted" data-testid="scanner-ready">
            Point the camera at the asset label.
          </p>
          <div className="button-row">
            {cameras.length > 1 && (
              <button type="button" onClick={switchCamera}>
                Switch camera
              </button>
            )}
            {state.session.hasTorch && (
              <button type="button" aria-pressed={torchOn} onClick={() => void toggleTorch().catch((error: unknown) => setState({ kind: 'failed', error: toCameraError(error) }))}>
                {torchOn ? 'Torch off' : 'Torch on'}
              </button>
            )}
          </div>
        </>
      )}
      {state.kind === 'failed' && (
        <div className="scanner__problem" role="alert" data-testid="camera-error" data-problem={state.error.problem}>
          <p>{state.error.message}</p>
          {state.error.problem !== 'insecure' && state.error.problem !== 'unsupported' && (
            <button
              type="button"
              onClick={() => {
                restarts.current = 0;
                setAttempt((count) => count + 1);
              }}
            >
              Try the camera again
            </button>
          )}
        </div>
      )}
    </section>
  );
}
