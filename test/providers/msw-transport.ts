import { getResponse, type RequestHandler } from 'msw';
import type { Transport } from '../../src/providers/transport.js';

/**
 * The same msw handlers the sims use, called directly: msw's interceptor cannot see requests made
 * through the undici package, so providers take a transport and tests pass this one.
 * `HttpResponse.error()` becomes a thrown network error, as `fetch` would throw.
 */
export function mswTransport(handlers: readonly RequestHandler[]): Transport {
  return async (r) => {
    const request = new Request(r.url, { method: r.method, headers: r.headers, body: r.body });
    const response = await getResponse([...handlers], request);
    if (!response) throw new Error(`unhandled ${r.method} ${r.url}`); // the onUnhandledRequest: 'error' equivalent
    if (response.type === 'error') throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    return response;
  };
}
