import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { Asset } from '@shared/schemas/asset';
import { useLiveQuery } from '../../db/hooks';
import { parseScannedCode } from '../scan/scanned-code';
import { assetByTag$, type AssetLookup } from './asset-queries';
import { UnknownAsset } from './UnknownAsset';

/**
 * The asset named by the route's `:tag` (a bare tag or a label URL), looked up in the local database so
 * it works offline; an invalid or unknown code gets the unknown-asset screen instead.
 */
export function ScannedAsset({ children }: { children: (asset: Asset) => ReactNode }) {
  const { tag: raw = '' } = useParams();
  const parsed = parseScannedCode(raw);
  const tag = parsed.kind === 'tag' ? parsed.tag : '';
  const lookup = useLiveQuery((db) => assetByTag$(db, tag), [tag], { kind: 'loading' } as AssetLookup);
  if (parsed.kind === 'invalid') return <UnknownAsset code={raw} reason={parsed.message} />;
  if (lookup.kind === 'loading') return <p className="page-message" role="status">Looking up {tag}…</p>;
  if (lookup.kind === 'unknown') return <UnknownAsset code={tag} />;
  return children(lookup.asset);
}
