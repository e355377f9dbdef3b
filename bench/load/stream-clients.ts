/**
 * The load process of the propagation benchmark: opens N server-sent-event streams
 * (`GET /api/sync/stream`, as N devices would) and notes when each one receives each writer mark.
 * Input: BENCH_LOAD (JSON: url, markPrefix, count and the kinds of client to cycle through —
 * each a token and whether the writer's documents are in its scope). Prints READY once every
 * stream has had its RESYNC; on "report" from stdin prints `RESULT <json>` and exits.
 */
import http from 'node:http';
import readline from 'node:readline';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol';

type LoadConfig = { url: string; count: number; kinds: { token: string; inScope: boolean }[]; markPrefix: string };
type Client = { inScope: boolean; ready: boolean; request?: http.ClientRequest };

const config = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadConfig;
const markPattern = new RegExp(`${config.markPrefix}(\\d+)`, 'g');
/** mark → receive times (absolute ms) by in-scope clients; out-of-scope receipts only counted. */
const receivedInScope = new Map<number, number[]>();
let outOfScopeReceipts = 0;
let readyCount = 0;
let errors = 0;
const now = () => performance.timeOrigin + performance.now();

const specs = Array.from({ length: config.count }, (_, index) => config.kinds[index % config.kinds.length] ?? { token: '', inScope: false });
const clients: Client[] = specs.map(({ token, inScope }) => {
  const client: Client = { inScope, ready: false };
  const seen = new Set<number>();
  let pending = '';
  client.request = http.get(`${config.url}/api/sync/stream`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }, agent: false }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      const at = now();
      pending += chunk;
      const events = pending.split('\n\n');
      pending = events.pop() ?? '';
      for (const event of events) {
        if (!client.ready && event.includes('"RESYNC"')) {
          client.ready = true;
          if (++readyCount === clients.length) process.stdout.write('READY\n');
        }
        for (const match of event.matchAll(markPattern)) {
          const mark = Number(match[1]);
          // A document carries its earlier notes too: count each mark once per client.
          if (seen.has(mark)) continue;
          seen.add(mark);
          if (!client.inScope) outOfScopeReceipts++;
          else receivedInScope.set(mark, [...(receivedInScope.get(mark) ?? []), at]);
        }
      }
    });
  });
  client.request.on('error', () => errors++);
  return client;
});

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.trim() !== 'report') return;
  const marks = Object.fromEntries([...receivedInScope].map(([mark, times]) => [mark, { count: times.length, last: Math.max(...times) }]));
  process.stdout.write(`RESULT ${JSON.stringify({ marks, outOfScopeReceipts, errors, inScopeClients: clients.filter((c) => c.inScope).length })}\n`);
  for (const client of clients) client.request?.destroy();
  input.close();
  process.exitCode = 0;
});
