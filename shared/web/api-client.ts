// Web app: the product's HTTP API, called with the signed-in user's token, so every access rule a page
// shows is the API's own.

export type ApiAnswer<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

export class ApiClient {
  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  get<T>(pathname: string): Promise<ApiAnswer<T>> {
    return this.send<T>('GET', pathname);
  }

  send<T>(method: string, pathname: string, body?: unknown): Promise<ApiAnswer<T>> {
    return this.request(method, pathname, body).then(async (response) => {
      if (response.ok) {
        const text = await response.text();
        return { ok: true, body: (text ? JSON.parse(text) : {}) as T };
      }
      return { ok: false, status: response.status, message: await messageOf(response) };
    });
  }

  /** The raw response, for downloads passed through as they are (CSV, feeds). */
  request(method: string, pathname: string, body?: unknown): Promise<Response> {
    return this.fetcher(`${this.base.replace(/\/+$/, '')}${pathname}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }
}

async function messageOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    return text || `The service answered ${response.status}.`;
  }
}
