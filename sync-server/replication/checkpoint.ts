import { z } from 'zod';
import { badRequest } from '../errors';

/**
 * A pull checkpoint wraps the store's change sequence (never a timestamp: several server
 * instances' clocks disagree, a change sequence does not). It is base64url JSON so clients treat
 * it as opaque; the version lets us change its content without breaking stored checkpoints.
 */
const CheckpointContentSchema = z.object({ v: z.literal(1), seq: z.string().min(1).max(1500) });

export function encodeCheckpoint(seq: string): string {
  return Buffer.from(JSON.stringify({ v: 1, seq })).toString('base64url');
}

export function decodeCheckpoint(checkpoint: string | undefined): string | undefined {
  if (checkpoint === undefined) return undefined;
  try {
    const parsed = CheckpointContentSchema.safeParse(JSON.parse(Buffer.from(checkpoint, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data.seq;
  } catch (error) {
    // Not base64url JSON: reported below as a client error, there is nothing to log.
    void error;
  }
  throw badRequest('checkpoint: not a checkpoint this server issued; send it back exactly as received, or omit it to start over', 'checkpoint');
}
