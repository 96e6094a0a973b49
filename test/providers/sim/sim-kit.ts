import { http, HttpResponse, type HttpResponseResolver, type RequestHandler } from 'msw';

/** A fault the simulator answers with instead of the real response. */
export type SimFault =
  /** 429. Spotify sends `Retry-After` (default 1 s); Apple sends none unless given. */
  | { readonly kind: 'rate_limit'; readonly retryAfterSeconds?: number }
  /** Spotify's developer-quota 429: `"reason":"QUOTA_EXCEEDED"`. */
  | { readonly kind: 'quota_exceeded' }
  | { readonly kind: 'server_error'; readonly status?: 500 | 502 | 503 }
  /** 200 with a truncated JSON body. */
  | { readonly kind: 'malformed_json' }
  /** 200 with valid JSON of the wrong shape. */
  | { readonly kind: 'wrong_shape' }
  /** The connection drops (a thrown fetch error; over HTTP, a destroyed socket). */
  | { readonly kind: 'network_error' }
  /** 401 whatever the token (Spotify: an expired access token; Apple: a rejected developer token). */
  | { readonly kind: 'unauthorized' };

export interface FaultTarget {
  /** An endpoint key like `GET /me/top/tracks` (see `RequestLog.counts()`), or a pattern over keys. Default: any. */
  readonly endpoint?: string | RegExp;
  /** How many requests get the fault (default 1). `Infinity` = until `clearFaults()`. */
  readonly times?: number;
}

interface FaultRule { readonly fault: SimFault; readonly endpoint?: string | RegExp; remaining: number }

export class FaultBox {
  private rules: FaultRule[] = [];

  inject(fault: SimFault, target: FaultTarget = {}): void {
    this.rules.push({ fault, endpoint: target.endpoint, remaining: target.times ?? 1 });
  }

  take(endpoint: string): SimFault | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.endpoint, endpoint));
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule.fault;
  }

  clear(): void {
    this.rules = [];
  }
}

const matches = (target: string | RegExp | undefined, endpoint: string) =>
  target === undefined || (typeof target === 'string' ? target === endpoint : target.test(endpoint));

export interface LoggedRequest {
  /** Route key: method + path pattern relative to the sim's base, e.g. `GET /playlists/:id/items`. */
  readonly endpoint: string;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly fault?: SimFault['kind'];
}

/** Every request a simulator answered, for assertions and the bench's call counts. */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  /** Requests to one endpoint key, or all requests. */
  count(endpoint?: string): number {
    return endpoint === undefined ? this.entries.length : this.entries.filter((e) => e.endpoint === endpoint).length;
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.entries) out[e.endpoint] = (out[e.endpoint] ?? 0) + 1;
    return out;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

export type FaultResponder = (fault: SimFault) => Response;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const METHOD = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete } as const;

/**
 * Builds msw handlers that log every request and answer injected faults first. Handlers are
 * plain msw, so the same list serves `getResponse` in unit tests and the loopback server.
 */
export function createRouter(base: string, log: RequestLog, faults: FaultBox, respondToFault: FaultResponder) {
  return function route(method: Method, path: string, resolver: HttpResponseResolver): RequestHandler {
    const endpoint = `${method} ${path}`;
    return METHOD[method](`${base}${path}`, async (info) => {
      const fault = faults.take(endpoint);
      const response = fault ? respondToFault(fault) : ((await resolver(info)) as Response | undefined) ?? new Response(null, { status: 500 });
      log.entries.push({ endpoint, method, url: info.request.url, status: response.type === 'error' ? 0 : response.status, fault: fault?.kind });
      return response;
    });
  };
}

export const networkError = (): Response => HttpResponse.error();
export const MALFORMED_BODY = '{"data":[{"id":"1","type":"songs","attributes":{"name":"trunc';
