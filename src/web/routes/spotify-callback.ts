import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { SpotifyAuth } from '../../providers/index.js';
import { html } from '../views/html.js';
import { sendPage } from '../pages/layout.js';
import { PageError } from '../page-error.js';
import { completeLink } from '../link/complete-link.js';
import { explainLinkFailure } from '../link/explain-link-failure.js';
import { linkFailures } from '../link/link-failures.js';
import { consumeState } from '../link/oauth-state.js';
import { forRequest, spotifyRedirectUri } from '../web-context.js';

const CallbackQuery = z.object({
  code: z.string().min(1).max(2048).optional(),
  state: z.string().min(1).max(2048).optional(),
  error: z.string().min(1).max(200).optional(),
});

/**
 * `GET /callback/spotify`: Spotify sends the browser back with `code` + `state`, or `error`.
 * The state is consumed once, the code exchanged with its PKCE verifier, `/me` read (keyed on
 * `account_id` when present), and the link completed. Success redirects (303) to a plain page,
 * so a reload does not replay the code.
 */
export function spotifyCallback(ctx: AppContext, spotify: SpotifyAuth | undefined): RequestHandler {
  return async (req, res) => {
    if (!spotify || !ctx.providers.has('spotify')) throw linkFailures.providerOff('Spotify');
    const query = CallbackQuery.safeParse(req.query);
    if (!query.success) throw linkFailures.badCallback();
    const { code, state, error } = query.data;
    if (error) {
      await consumeState(ctx, req, res, 'spotify', state).catch(() => undefined);
      if (error !== 'access_denied') throw new PageError(400, 'Spotify stopped the sign-in', 'Spotify did not finish the sign-in. Run /link in Discord to try again.', 'spotify_error');
      sendPage(res, 200, {
        title: 'Linking cancelled',
        body: html`<p>You chose not to link Spotify, so nothing was stored.</p><p>When you change your mind, run /link in Discord.</p>`,
      });
      return;
    }
    if (!code) throw linkFailures.badCallback();
    const { discordId, codeVerifier } = await consumeState(ctx, req, res, 'spotify', state);
    if (!codeVerifier) throw linkFailures.badState();
    const rctx = forRequest(ctx, res);
    try {
      const tokens = await spotify.exchangeCode({ code, codeVerifier, redirectUri: spotifyRedirectUri(ctx) });
      const account = await spotify.me(tokens.accessToken);
      await completeLink(rctx, { discordId, provider: 'spotify', account, auth: tokens, metadata: { scopes: tokens.scope } });
    } catch (failure) {
      throw await explainLinkFailure(rctx, discordId, failure);
    }
    res.redirect(303, '/linked/spotify');
  };
}
