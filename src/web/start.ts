import type { Server } from 'node:http';
import type { AppContext } from '../context.js';
import { createWebApp } from './app.js';

/** Listens on PORT; stopping closes the listener and waits for open requests. */
export async function startWeb(ctx: AppContext): Promise<() => Promise<void>> {
  const app = createWebApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(ctx.config.web.port, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  ctx.log.info({ role: 'web', port: ctx.config.web.port, publicBaseUrl: ctx.config.web.publicBaseUrl }, 'web server listening');
  return () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
}
