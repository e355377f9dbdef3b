import { describe, expect, it } from 'vitest';
import type { AnyDoc } from '@shared/schemas/collections';
import { type PulledPage, withPullAhead } from '@app/sync/pull-ahead';
import { buildWorkOrder } from '../../helpers/factories';

type Checkpoint = { value: string };

/** A feed of `total` documents served in pages; records every fetch it was asked for. */
function feed(total: number, failOn: Set<string> = new Set()) {
  const docs: AnyDoc[] = Array.from({ length: total }, () => buildWorkOrder());
  const fetched: string[] = [];
  const fetchPage = async (checkpoint: Checkpoint | undefined, limit: number): Promise<PulledPage<Checkpoint>> => {
    const from = Number(checkpoint?.value ?? 0);
    fetched.push(String(from));
    if (failOn.has(String(from))) {
      failOn.delete(String(from));
      throw new Error('offline');
    }
    const documents = docs.slice(from, from + limit);
    return { documents, checkpoint: { value: String(from + documents.length) } };
  };
  return { fetched, pull: withPullAhead(fetchPage, (checkpoint) => checkpoint?.value ?? '') };
}

/** Lets the pages fetched ahead arrive (and ask for the ones after them). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pull ahead', () => {
  it('asks for the next two pages as soon as a full page arrives, and serves them from there', async () => {
    const { fetched, pull } = feed(25);
    const first = await pull(undefined, 10);
    await settled();
    expect(fetched).toEqual(['0', '10', '20']);
    const second = await pull(first.checkpoint, 10);
    expect(second.documents).toHaveLength(10);
    const last = await pull(second.checkpoint, 10);
    expect(last.documents).toHaveLength(5);
    // A short page is the end of the feed: nothing more is fetched ahead.
    await settled();
    expect(fetched).toEqual(['0', '10', '20']);
  });

  it('keeps two pages ahead, never more', async () => {
    const { fetched, pull } = feed(100);
    const first = await pull(undefined, 10);
    await settled();
    expect(fetched).toEqual(['0', '10', '20']);
    await pull(first.checkpoint, 10);
    await settled();
    expect(fetched).toEqual(['0', '10', '20', '30']);
  });

  it('fetches again when asked for another checkpoint or batch size', async () => {
    const { fetched, pull } = feed(30);
    await pull(undefined, 10);
    await settled();
    await pull({ value: '5' }, 10);
    await settled();
    expect(fetched).toEqual(['0', '10', '20', '5', '15', '25']);
    await pull({ value: '15' }, 5);
    await settled();
    expect(fetched).toEqual(['0', '10', '20', '5', '15', '25', '15', '20', '25']);
  });

  it('a failed page fetched ahead is fetched again when it is asked for', async () => {
    const { fetched, pull } = feed(25, new Set(['10']));
    const first = await pull(undefined, 10);
    await expect(pull(first.checkpoint, 10)).rejects.toThrow('offline');
    const retried = await pull(first.checkpoint, 10);
    expect(retried.documents).toHaveLength(10);
    expect(fetched).toEqual(['0', '10', '10', '20']);
  });
});
