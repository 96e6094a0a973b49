import { Agent, fetch } from 'undici';

/**
 * The one seam between providers and the network. Production uses undici's own `fetch` with an
 * `Agent` from the same package (never an npm-undici Agent on Node's global fetch: the majors
 * differ). Tests pass a function that calls msw handlers directly (msw cannot see npm-undici).
 */
export interface WireRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type Transport = (request: WireRequest) => Promise<WireResponse>;

export interface UndiciTransportOptions {
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly bodyTimeoutMs?: number;
}

export const TRANSPORT_TIMEOUTS = { connectTimeoutMs: 5_000, headersTimeoutMs: 10_000, bodyTimeoutMs: 15_000 } as const;

/** A transport with its own connection pool; `close()` releases the sockets (tests, shutdown). */
export function createUndiciTransport(options: UndiciTransportOptions = {}): { transport: Transport; close(): Promise<void> } {
  const t = { ...TRANSPORT_TIMEOUTS, ...options };
  const agent = new Agent({ connect: { timeout: t.connectTimeoutMs }, headersTimeout: t.headersTimeoutMs, bodyTimeout: t.bodyTimeoutMs });
  const transport: Transport = (r) =>
    fetch(r.url, { method: r.method, headers: { ...r.headers }, body: r.body, signal: r.signal, dispatcher: agent, redirect: 'manual' });
  return { transport, close: () => agent.close() };
}

/** The production transport, sharing one pool for the whole process. */
export const undiciTransport: Transport = createUndiciTransport().transport;

const CONNECT_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** True when the request certainly never reached the server, so even a POST is safe to resend. */
export function isConnectError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECT_ERROR_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
