import type { Asset } from '@shared/schemas/asset';
import { assetUrl } from '../scan/scanned-code';
import { useQrImages } from './qr-images';

/** 21 labels per A4 page (3 × 7, 63.5 × 38.1 mm: the common L7160 sticker sheet). */
export const LABELS_PER_PAGE = 21;

/**
 * The printable sheet. Each QR holds the asset page's URL built from the tag only, so a label stays
 * valid whatever else about the asset changes, and a phone's own camera app opens the PWA with it.
 */
export function LabelSheet({ assets, origin }: { assets: readonly Asset[]; origin: string }) {
  const urls = assets.map((asset) => assetUrl(origin, asset.tag));
  const { images, error } = useQrImages(urls);
  const pages: Asset[][] = [];
  for (let start = 0; start < assets.length; start += LABELS_PER_PAGE) pages.push(assets.slice(start, start + LABELS_PER_PAGE));
  return (
    <div className="label-sheet" data-testid="label-sheet" aria-label="Label sheet preview">
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {pages.map((page, pageIndex) => (
        <div className="label-page" key={pageIndex}>
          {page.map((asset, index) => {
            const url = urls[pageIndex * LABELS_PER_PAGE + index] ?? '';
            const image = images.get(url);
            return (
              <div className="asset-label" key={asset.id} data-testid="asset-label" data-url={url}>
                {image ? <img className="asset-label__qr" src={image} alt={`QR code for ${asset.tag}`} data-testid="label-qr" /> : <div className="asset-label__qr" aria-hidden="true" />}
                <div className="asset-label__text">
                  <span className="asset-label__tag">{asset.tag}</span>
                  <span className="asset-label__name">{asset.name}</span>
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
