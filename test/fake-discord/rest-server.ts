import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { DiscordHttpError, discordErrors } from './discord-error.js';
import { stripTokenPrefix } from './gateway.js';
import { matchRoute } from './router.js';
import type { Route, RouteResponse } from './router.js';
import type { FakeState } from './state.js';

/** A scripted failure: the next `times` calls whose `METHOD /path` matches get this error. */
export interface FailureRule {
  readonly match: RegExp;
  readonly status: number;
  readonly code: number;
  readonly message: string;
  remaining: number;
}

export interface RestDeps {
  readonly state: FakeState;
  readonly routes: readonly Route[];
  readonly validToken: string | undefined;
  readonly failures: FailureRule[];
}

const VERSION_PREFIX = /^(?:\/api)?(?:\/v\d+)?(?=\/|$)/;

export function createRestHandler(deps: RestDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch(() => res.destroy());
  };
}

async function handle(deps: RestDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const at = Date.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(VERSION_PREFIX, '') || '/';
  const method = req.method ?? 'GET';
  const header = req.headers.authorization;
  const token = header ? stripTokenPrefix(header) : null;
  if (token) deps.state.botToken = token;
  const raw = await readBody(req);
  let body: unknown = undefined;
  let route: string | null = null;
  let result: RouteResponse;
  try {
    body = parseBody(raw, req.headers['content-type']);
    const match = matchRoute(deps.routes, method, path);
    if (!match) throw discordErrors.notFound();
    route = `${method} ${match.route.path}`;
    if (match.route.auth === 'bot') checkAuth(token, deps.validToken);
    takeFailure(deps.failures, `${method} ${path}`);
    result = match.route.handle({ params: match.params, query: url.searchParams, body });
  } catch (error) {
    result = errorResponse(error);
  }
  const query = Object.fromEntries(url.searchParams);
  const durationMs = performance.now() - started;
  deps.state.calls.push({ method, path, query, route, body, status: result.status, response: result.body, token, at, durationMs });
  write(res, result);
  deps.state.notify();
}

function checkAuth(token: string | null, validToken: string | undefined): void {
  if (!token || (validToken !== undefined && token !== validToken)) throw discordErrors.unauthorized();
}

function takeFailure(failures: FailureRule[], call: string): void {
  const rule = failures.find((f) => f.remaining > 0 && f.match.test(call));
  if (!rule) return;
  rule.remaining -= 1;
  throw new DiscordHttpError(rule.status, rule.code, rule.message);
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.startsWith('multipart/')) {
    throw new DiscordHttpError(400, 0, 'fake-discord does not support file uploads (multipart/form-data)');
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw discordErrors.invalidJson();
  }
}

function errorResponse(error: unknown): RouteResponse {
  if (error instanceof DiscordHttpError) return { status: error.status, body: error.toBody() };
  const detail = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { code: 0, message: `500: Internal Server Error (fake-discord: ${detail})` } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function write(res: ServerResponse, result: RouteResponse): void {
  if (result.status === 204 || result.body === undefined) {
    res.writeHead(result.status).end();
    return;
  }
  const payload = JSON.stringify(result.body);
  res.writeHead(result.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
