export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
}

export interface Route {
  readonly method: HttpMethod;
  /** e.g. `/channels/:channelId/messages/:messageId`; literal segments like `@me` win when listed first. */
  readonly path: string;
  /** Interaction callbacks and interaction webhooks are sent without Authorization. */
  readonly auth: 'bot' | 'none';
  handle(request: RouteRequest): RouteResponse;
}

export const json = (body: unknown, status = 200): RouteResponse => ({ status, body });
export const noContent = (): RouteResponse => ({ status: 204 });

export interface RouteMatch {
  readonly route: Route;
  readonly params: Record<string, string>;
}

/** First route (in list order) whose method and segments match; params are URL-decoded. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | null {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (!part.startsWith(':')) return part === segment;
      params[part.slice(1)] = safeDecode(segment);
      return true;
    });
    if (matches) return { route, params };
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
