import { describe, expect, it } from 'vitest';
import type { AnyDoc } from '@shared/schemas/collections';
import { type AskedPage, type PulledPage, withPullAhead } from '@app/sync/pull-ahead';
import { buildWorkOrder } from '../../helpers/factories';

type Checkpoint = { value: string };
type FetchPage = (checkpoint: Checkpoint | undefined, limit: number) => Promise<PulledPage<Checkpoint>>;

/** A feed of `total` documents served in pages; records every fetch it was asked for. */
function feed(total: number, failOn: Set<string> = new Set(), firstPage?: (fetchPage: FetchPage) => AskedPage<Checkpoint>) {
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
  return { fetched, pull: withPullAhead(fetchPage, (checkpoint) => checkpoint?.value ?? '', firstPage?.(fetchPage)) };
}

/** Lets the pages fetched ahead arrive (and ask for the ones after them). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pull ahead', () => {
  it('serves the first page asked for before (a fresh device), and asks for the next as soon as it arrives full', async () => {
    const { fetched, pull } = feed(25, new Set(), (fetchPage) => ({ limit: 10, at: Date.now(), page: fetchPage(undefined, 10) }));
    await settled();
    // Before anything asked: the first page and the one after it.
    expect(fetched).toEqual(['0', '10']);
    const first = await pull(undefined, 10);
    expect(first.documents).toHaveLength(10);
    await settled();
    expect(fetched).toEqual(['0', '10', '20']);
    expect((await pull(first.checkpoint, 10)).documents).toHaveLength(10);
  });

  it('fetches the first page again when the one asked for before is stale or of another size', async () => {
    const stale = feed(25, new Set(), (fetchPage) => ({ limit: 10, at: Date.now() - 60_000, page: fetchPage(undefined, 10) }));
    await stale.pull(undefined, 10);
    expect(stale.fetched.filter((from) => from === '0')).toHaveLength(2);
    const otherSize = feed(25, new Set(), (fetchPage) => ({ limit: 5, at: Date.now(), page: fetchPage(undefined, 5) }));
    expect((await otherSize.pull(undefined, 10)).documents).toHaveLength(10);
    expect(otherSize.fetched.filter((from) => from === '0')).toHaveLength(2);
  });

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
    await settled();
    const retried = await pull(first.checkpoint, 10);
    expect(retried.documents).toHaveLength(10);
    expect(fetched).toEqual(['0', '10', '10', '20']);
  });

  it('a failed first page asked for before is fetched again when the load asks, and a second failure surfaces', async () => {
    const once = feed(25, new Set(['0']), (fetchPage) => ({ limit: 10, at: Date.now(), page: fetchPage(undefined, 10) }));
    await settled();
    expect((await once.pull(undefined, 10)).documents).toHaveLength(10);
    expect(once.fetched.slice(0, 2)).toEqual(['0', '0']);
    const failures = new Set(['0']);
    const twice = feed(25, failures, (fetchPage) => ({ limit: 10, at: Date.now(), page: fetchPage(undefined, 10).finally(() => failures.add('0')) }));
    await settled();
    await expect(twice.pull(undefined, 10)).rejects.toThrow('offline');
  });
});
