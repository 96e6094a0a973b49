import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { PROVIDER_LABEL, isProviderId } from '../../blends/link-prompt.js';
import type { AppContext } from '../../context.js';
import { createPkcePair } from '../../providers/pkce.js';
import type { AppleAuth, SpotifyAuth } from '../../providers/index.js';
import { allowMusicKit } from '../middleware/security-headers.js';
import { sendPage } from '../pages/layout.js';
import { musicKitPage } from '../pages/musickit-page.js';
import { publicOrigin, spotifyRedirectUri } from '../web-context.js';
import { canLink, type LinkClients } from '../link/link-clients.js';
import { linkFailures } from '../link/link-failures.js';
import { startState } from '../link/oauth-state.js';
import { NotFoundError } from '../../errors.js';

const LinkQuery = z.object({ t: z.string().min(1).max(2048) });

/**
 * `GET /link/:provider?t=…`: the link from the DM. The signed link token says who this is;
 * Spotify then goes to its authorize page with a fresh state and PKCE challenge, Apple Music gets
 * the MusicKit page.
 */
export function linkRoute(ctx: AppContext, clients: LinkClients): RequestHandler<{ provider: string }> {
  return async (req, res) => {
    const provider = req.params.provider;
    if (!isProviderId(provider)) throw new NotFoundError('There is nothing here.');
    if (!canLink(ctx, clients, provider)) throw linkFailures.providerOff(PROVIDER_LABEL[provider]);
    const query = LinkQuery.safeParse(req.query);
    if (!query.success) throw linkFailures.badLink();
    const verified = ctx.links.verify('link', query.data.t);
    if (!verified.ok) throw verified.reason === 'expired' ? linkFailures.expiredLink() : linkFailures.badLink();
    if (verified.claims.provider !== provider) throw linkFailures.badLink();
    const { discordId } = verified.claims;
    if (provider === 'spotify' && clients.spotify) await startSpotify(ctx, res, clients.spotify, discordId);
    else if (provider === 'apple' && clients.apple) await showMusicKit(ctx, res, clients.apple, discordId);
  };
}

async function startSpotify(ctx: AppContext, res: Response, spotify: SpotifyAuth, discordId: string): Promise<void> {
  const pkce = createPkcePair();
  const state = await startState(ctx, res, discordId, 'spotify', pkce.verifier);
  const url = spotify.authorizeUrl({ state, codeChallenge: pkce.challenge, redirectUri: spotifyRedirectUri(ctx) });
  res.set('Cache-Control', 'no-store').redirect(303, url);
}

async function showMusicKit(ctx: AppContext, res: Response, apple: AppleAuth, discordId: string): Promise<void> {
  const developerToken = await apple.developerToken({ origin: [publicOrigin(ctx)] });
  const state = await startState(ctx, res, discordId, 'apple');
  allowMusicKit(res);
  sendPage(res, 200, musicKitPage({ developerToken, state, nonce: res.locals.cspNonce }));
}
