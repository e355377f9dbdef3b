import type { AnyDoc } from '@shared/schemas/collections';
import { DEVICE_HEADER, type PullResponse, type StreamEvent } from '@shared/sync/protocol';
import type { TestApi } from './api-client';

/** Pull a collection to the end, page by page, as RxDB would. */
export async function pullAll(api: TestApi, collection: string, limit = 10, checkpoint?: string | null) {
  const documents: AnyDoc[] = [];
  let pages = 0;
  let current = checkpoint ?? undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), ...(current ? { checkpoint: current } : {}) });
    const response = await api.get<PullResponse>(`/api/sync/${collection}/pull?${query}`);
    if (response.status !== 200) throw new Error(`pull ${collection}: ${response.status} ${JSON.stringify(response.body)}`);
    pages++;
    documents.push(...response.body.documents);
    current = response.body.checkpoint ?? current;
    if (response.body.documents.length < limit) return { documents, checkpoint: current, pages };
  }
}

/** `device`: the pushing database's id (protocol DEVICE_HEADER), as the app sends it. */
export async function pushRows(api: TestApi, collection: string, rows: { assumedMasterState?: unknown; newDocumentState: unknown }[], device?: string) {
  return api.post<AnyDoc[]>(`/api/sync/${collection}/push`, rows, device ? { [DEVICE_HEADER]: device } : {});
}

/**
 * Reads `GET /api/sync/stream` with fetch (as the app does) and collects parsed events.
 * `waitFor` resolves when an event matching the predicate arrives (or rejects on timeout).
 */
export class StreamReader {
  readonly events: StreamEvent[] = [];
  readonly heartbeats: number[] = [];
  private readonly abort = new AbortController();
  /** Settles when the server ends the stream (or the reader is closed). */
  ended: Promise<void> = Promise.resolve();
  private waiters: { match: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }[] = [];

  static async open(api: TestApi): Promise<StreamReader> {
    const reader = new StreamReader();
    const response = await fetch(`${api.baseUrl}/api/sync/stream`, {
      headers: { authorization: `Bearer ${api.token}` },
      signal: reader.abort.signal,
    });
    if (response.status !== 200 || !response.body) throw new Error(`stream: ${response.status}`);
    reader.ended = reader.consume(response.body);
    await reader.waitFor((event) => event.kind === 'RESYNC', 5000);
    return reader;
  }

  waitFor(match: (event: StreamEvent) => boolean, timeoutMs = 2000): Promise<StreamEvent> {
    const existing = this.events.find(match);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching stream event within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match, resolve: (event) => { clearTimeout(timer); resolve(event); } });
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async consume(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const stream = body.getReader();
    try {
      for (;;) {
        const { done, value } = await stream.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.handleBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch (error) {
      if (!this.abort.signal.aborted) throw error;
    }
  }

  private handleBlock(block: string): void {
    if (block.startsWith(': heartbeat')) this.heartbeats.push(Date.now());
    const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
    if (!data) return;
    const event = JSON.parse(data) as StreamEvent;
    this.events.push(event);
    this.waiters = this.waiters.filter((waiter) => (waiter.match(event) ? (waiter.resolve(event), false) : true));
  }
}
