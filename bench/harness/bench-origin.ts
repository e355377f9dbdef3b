import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type BenchOrigin = { url: string; setJson: (path: string, body: string) => void; close: () => Promise<void> };

/**
 * One origin for every in-browser contender, so none pays for CORS: `/bench/*` serves the bundled
 * bench pages and any JSON the floor fetches, `/api/*` goes to the sync server and `/couch/*` to
 * the store's CouchDB endpoint (what PouchDB and RxDB's CouchDB plugin replicate from). Every
 * contender crosses the same loopback proxy hop.
 */
export function startBenchOrigin(targets: { api: () => string; couch: () => string }, scripts: Map<string, string>): Promise<BenchOrigin> {
  const json = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) return proxy(req, res, targets.api(), url);
    if (url.startsWith('/couch/')) return proxy(req, res, targets.couch(), url.slice('/couch'.length));
    const pathname = url.split('?')[0] ?? '';
    const script = scripts.get(pathname);
    if (script) return send(res, 200, 'text/javascript', script);
    const body = json.get(pathname);
    if (body) return send(res, 200, 'application/json', body);
    const page = /^\/bench\/([\w-]+)\.html$/.exec(pathname);
    if (page) return send(res, 200, 'text/html', `<!doctype html><meta charset="utf-8"><title>bench ${page[1]}</title><script type="module" src="/bench/${page[1]}.js"></script>`);
    send(res, 404, 'text/plain', 'not found');
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        // `localhost` is a secure context: Secure cookies and service workers work over http.
        url: `http://localhost:${port}`,
        setJson: (path, body) => json.set(path, body),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

// Idle upstream connections are dropped here well before the servers drop theirs (65 s), so a
// request never lands on a connection the server is closing (a reset, answered 502).
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 });

function proxy(req: http.IncomingMessage, res: http.ServerResponse, target: string, path: string) {
  const upstream = http.request(`${target}${path}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host }, agent }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, reply.headers);
    reply.pipe(res);
  });
  upstream.on('error', (error) => {
    if (!res.headersSent) send(res, 502, 'text/plain', `bench proxy: ${error.message}`);
    else res.destroy(error);
  });
  req.pipe(upstream);
}
