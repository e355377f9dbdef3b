import { useEffect, useState } from 'react';
import { toDataURL } from 'qrcode';

/**
 * QR images for label URLs, made in the browser by the `qrcode` library (no server, works offline).
 * Error correction M survives a scuffed label; the 4-module quiet zone is what scanners expect.
 */
export function qrDataUrl(text: string): Promise<string> {
  return toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 264, color: { dark: '#000000', light: '#ffffff' } });
}

/** Data URLs (allowed by the CSP, unlike remote images) for each text, filled in as they are made. */
export function useQrImages(texts: readonly string[]): { images: ReadonlyMap<string, string>; error?: string } {
  const [images, setImages] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string>();
  const key = texts.join('\n');
  useEffect(() => {
    let cancelled = false;
    const wanted = key ? key.split('\n') : [];
    Promise.all(wanted.map(async (text) => [text, await qrDataUrl(text)] as const)).then(
      (pairs) => {
        if (cancelled) return;
        setImages(new Map(pairs));
        setError(undefined);
      },
      (failure: unknown) => !cancelled && setError(`The QR codes could not be made: ${failure instanceof Error ? failure.message : String(failure)}`),
    );
    return () => {
      cancelled = true;
    };
  }, [key]);
  return { images, error };
}
