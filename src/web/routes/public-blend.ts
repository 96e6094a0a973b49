import { Router, type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { normalizeShareCode } from '../../crypto/share-code.js';
import { asPublic, withActor } from '../../data/actor.js';
import { loadPublicBlend, type PublicBlend } from '../../data/public-blend.js';
import { renderPublicBlendPage } from '../views/public-blend-page.js';
import { PUBLIC_PAGE_CSP } from '../views/public-page-layout.js';
import { NOT_FOUND_MESSAGE, renderPublicNotFoundPage } from '../views/public-not-found-page.js';

type Format = 'html' | 'json';

const JSON_SUFFIX = '.json';
/** A share code with room for dashes and spaces; anything longer is not looked up at all. */
const MAX_CODE_INPUT = 32;
/** A completed blend no longer changes, but its playlists' links may be filled in late. */
const FOUND_CACHE = 'public, max-age=300';

/**
 * `GET /b/:shareCode` (HTML) and `GET /b/:shareCode.json`: a completed blend, read as the
 * public role for that one code. Everything else, including codes that cannot be codes and
 * URLs that do not even decode, is the same 404.
 */
export function publicBlendRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/b/:code', publicBlend(ctx));
  router.use('/b', undecodableAsNotFound());
  return router;
}

function publicBlend(ctx: AppContext): RequestHandler<{ code: string }> {
  return async (req, res) => {
    const { input, format } = splitFormat(req.params.code);
    const code = input.length <= MAX_CODE_INPUT ? normalizeShareCode(input) : undefined;
    const blend = code ? await withActor(ctx.db, asPublic(code), (tx) => loadPublicBlend(tx, code)) : undefined;
    if (!blend) {
      sendNotFound(res, format);
      return;
    }
    const url = `${ctx.config.web.publicBaseUrl}/b/${blend.shareCode}`;
    res.set({ 'Content-Security-Policy': PUBLIC_PAGE_CSP, 'Cache-Control': FOUND_CACHE, 'X-Robots-Tag': 'noindex' });
    if (format === 'json') res.json(publicJson(blend, url));
    else res.type('html').send(renderPublicBlendPage(blend, url));
  };
}

function splitFormat(param: string): { input: string; format: Format } {
  return param.endsWith(JSON_SUFFIX)
    ? { input: param.slice(0, -JSON_SUFFIX.length), format: 'json' }
    : { input: param, format: 'html' };
}

/** The JSON body: the page's data, field by field, so nothing else can slip in. */
function publicJson(blend: PublicBlend, url: string) {
  return {
    name: blend.name,
    shareCode: blend.shareCode,
    url,
    completedAt: blend.completedAt?.toISOString() ?? null,
    members: blend.members.map((m) => ({ name: m.name, contributed: m.contributed })),
    taste: blend.taste,
    coverage: blend.coverage,
    playlists: blend.playlists,
    tracks: blend.tracks.map((t) => ({
      title: t.title, artist: t.artist, album: t.album, albumArtUrl: t.albumArtUrl, durationMs: t.durationMs,
      broughtBy: t.broughtBy, alsoLovedBy: t.alsoLovedBy, on: t.on,
    })),
  };
}

function sendNotFound(res: Response, format: Format): void {
  res.status(404).set({ 'Content-Security-Policy': PUBLIC_PAGE_CSP, 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' });
  if (format === 'json') res.json({ error: 'not_found', message: NOT_FOUND_MESSAGE });
  else res.type('html').send(renderPublicNotFoundPage());
}

/** Express answers a path that does not percent-decode (`/b/%E0%A4%A`) with a 400 error: here it is a 404 like any bad code. */
function undecodableAsNotFound(): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (!(error instanceof URIError) || res.headersSent) {
      next(error);
      return;
    }
    sendNotFound(res, req.path.endsWith(JSON_SUFFIX) ? 'json' : 'html');
  };
}
