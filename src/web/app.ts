import express from 'express';
import type { AppContext } from '../context.js';
import { assertRedirectUri } from '../providers/spotify/auth.js';
import type { LinkClients } from './link/link-clients.js';
import { errorPage, notFound } from './middleware/error-page.js';
import { DEFAULT_RATE_LIMIT, rateLimit, type RateLimitOptions } from './middleware/rate-limit.js';
import { requestContext } from './middleware/request-context.js';
import { securityHeaders } from './middleware/security-headers.js';
import { appleCallback } from './routes/apple-callback.js';
import { healthz } from './routes/healthz.js';
import { linkRoute } from './routes/link.js';
import { linkedPage } from './routes/linked-page.js';
import { publicBlendRoutes } from './routes/public-blend.js';
import { spotifyCallback } from './routes/spotify-callback.js';
import { isHttps, spotifyRedirectUri } from './web-context.js';

export interface WebAppOptions {
  /** Default: built from the config (real HTTP to the configured provider bases). */
  readonly linkClients?: LinkClients;
  readonly rateLimit?: RateLimitOptions;
}

/** The MusicKit form carries a Music User Token (a few hundred bytes) and the state. */
const FORM_LIMIT = '16kb';

/**
 * The Express app, without listen(): tests listen on port 0. Load balancers and proxies on
 * private networks are trusted for X-Forwarded-For, so the rate limit sees client addresses.
 */
export function createWebApp(ctx: AppContext, options: WebAppOptions = {}): express.Express {
  const clients = options.linkClients ?? ctx.linkClients;
  if (clients.spotify) assertRedirectUri(spotifyRedirectUri(ctx));
  const limited = rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT, ctx.now);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestContext(ctx.log));
  app.use(securityHeaders({ https: isHttps(ctx) }));

  app.get('/healthz', healthz(ctx));
  app.get('/link/:provider', limited, linkRoute(ctx, clients));
  app.get('/callback/spotify', limited, spotifyCallback(ctx, clients.spotify));
  app.post('/callback/apple', limited, express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 10 }), appleCallback(ctx, clients.apple));
  app.get('/linked/:provider', linkedPage());
  app.use(publicBlendRoutes(ctx));

  app.use(notFound());
  app.use(errorPage());
  return app;
}
