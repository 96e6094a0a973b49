/**
 * The simulators over real HTTP on 127.0.0.1 (port 0): the same msw handlers, behind node:http,
 * for the end-to-end test, `npm run demo`, and tests of the undici transport.
 *
 *   const server = await startProviderServer();
 *   createProviders({ spotify: server.spotify.config, apple: server.apple.config }, { log });
 *   server.spotify.nextLogin('ana');        // who "logs in" at /authorize
 *   server.spotify.playlists(); server.apple.requests.counts();
 *   await server.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { createAppleSim, type AppleSim, type AppleSimOptions } from './apple-sim.js';
import { createSpotifySim, type SpotifySim, type SpotifySimOptions } from './spotify-sim.js';

export interface ProviderServerOptions {
  readonly spotify?: Omit<SpotifySimOptions, 'apiBase' | 'accountsBase'>;
  readonly apple?: Omit<AppleSimOptions, 'apiBase'>;
  /** Default 0: any free port. */
  readonly port?: number;
}

export interface ProviderServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly urls: { readonly spotifyApiBase: string; readonly spotifyAccountsBase: string; readonly appleApiBase: string };
  readonly spotify: SpotifySim;
  readonly apple: AppleSim;
  close(): Promise<void>;
}

export async function startProviderServer(options: ProviderServerOptions = {}): Promise<ProviderServer> {
  let handlers: RequestHandler[] = [];
  const served = await serveHandlers(() => handlers, options.port ?? 0);
  const urls = {
    spotifyApiBase: `${served.origin}/spotify/api/v1`,
    spotifyAccountsBase: `${served.origin}/spotify/accounts`,
    appleApiBase: `${served.origin}/apple/v1`,
  };
  const spotify = createSpotifySim({ ...options.spotify, apiBase: urls.spotifyApiBase, accountsBase: urls.spotifyAccountsBase });
  const apple = createAppleSim({ ...options.apple, apiBase: urls.appleApiBase });
  handlers = [...spotify.handlers, ...apple.handlers];
  return { origin: served.origin, urls, spotify, apple, close: served.close };
}

/** Serves msw handlers on 127.0.0.1. Unmatched requests get a 404 JSON body. */
export async function serveHandlers(handlers: () => readonly RequestHandler[], port = 0): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void answer(handlers(), req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}

async function answer(handlers: readonly RequestHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const body = chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, { method, headers, body });
  const response = await getResponse([...handlers], request);
  if (!response) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no simulator route for ${method} ${req.url}` }));
    return;
  }
  if (response.type === 'error') {
    req.socket.destroy(); // a dropped connection, as the network fault promises
    return;
  }
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => { out[name] = value; });
  res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
}
