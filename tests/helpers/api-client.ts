import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@shared/sync/protocol';

export type ApiResponse<T = unknown> = { status: number; body: T; headers: Headers };

/** A tiny real-HTTP client for tests: JSON in, JSON out, optional bearer token. */
export class TestApi {
  constructor(
    readonly baseUrl: string,
    public token?: string,
  ) {}

  async request<T = unknown>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + url, {
      method,
      headers: {
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }

  post<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body, headers);
  }

  /** Log in as a demo user and keep the access token for later calls. */
  async login(username: string, password = 'demo1234'): Promise<this> {
    const response = await this.post<{ accessToken: string }>('/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    this.token = response.body.accessToken;
    return this;
  }
}

export async function loginAs(baseUrl: string, username: string): Promise<TestApi> {
  return new TestApi(baseUrl).login(username);
}
