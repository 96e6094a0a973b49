import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../context.js';
import { createWebApp } from './app.js';

/** A callback may sync top tracks (several provider calls with retries): generous, but bounded. */
const REQUEST_TIMEOUT_MS = 60_000;
/** On shutdown, requests in flight get this long to finish before their sockets are closed. */
const DRAIN_MS = 10_000;

/** Listens on PORT; stopping stops accepting, lets open requests finish (briefly), then closes. */
export async function startWeb(ctx: AppContext): Promise<() => Promise<void>> {
  const app = createWebApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(ctx.config.web.port, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  const { port } = server.address() as AddressInfo;
  ctx.log.info({ role: 'web', port, publicBaseUrl: ctx.config.web.publicBaseUrl, linking: [...ctx.providers.keys()] }, 'web server listening');
  return () => new Promise<void>((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    server.close(() => { clearTimeout(force); resolve(); });
    server.closeIdleConnections();
  });
}
