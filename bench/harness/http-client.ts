import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol';
import { BENCH_PASSWORD } from './stack';

/** A minimal JSON client for the sync API from Node (the bench's writer and throughput runs). */
export class BenchApi {
  constructor(
    readonly baseUrl: () => string,
    private token?: string,
  ) {}

  static async login(baseUrl: () => string, username: string): Promise<BenchApi> {
    const api = new BenchApi(baseUrl);
    const body = await api.request<{ accessToken: string }>('POST', '/api/auth/login', { username, password: BENCH_PASSWORD });
    api.token = body.accessToken;
    return api;
  }

  get accessToken(): string {
    if (!this.token) throw new Error('not signed in');
    return this.token;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.baseUrl() + path, {
      method,
      headers: {
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}
