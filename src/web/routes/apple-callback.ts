import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { AppleAuth } from '../../providers/index.js';
import { completeLink } from '../link/complete-link.js';
import { explainLinkFailure } from '../link/explain-link-failure.js';
import { linkFailures } from '../link/link-failures.js';
import { consumeState } from '../link/oauth-state.js';
import { forRequest, publicOrigin } from '../web-context.js';

const AppleForm = z.object({
  state: z.string().min(1).max(2048),
  musicUserToken: z.string().min(1).max(8192),
});

/**
 * The Apple Music API has no account id, and the Music User Token changes at every sign-in, so
 * the connection's account key is the Discord user it belongs to (one per user anyway).
 */
const appleAccountKey = (discordId: string) => `musickit:${discordId}`;

/**
 * `POST /callback/apple`: the MusicKit page's form, with the state and the Music User Token.
 * Only our own page may send it (Origin / Sec-Fetch-Site, plus the SameSite state cookie).
 * The token is proven by reading the storefront, which the connection keeps.
 */
export function appleCallback(ctx: AppContext, apple: AppleAuth | undefined): RequestHandler {
  return async (req, res) => {
    if (!apple || !ctx.providers.has('apple')) throw linkFailures.providerOff('Apple Music');
    assertSameOrigin(ctx, req);
    const form = AppleForm.safeParse(req.body);
    if (!form.success) throw linkFailures.badCallback();
    const { discordId } = await consumeState(ctx, req, res, 'apple', form.data.state);
    const rctx = forRequest(ctx, res);
    const auth = { accessToken: form.data.musicUserToken };
    try {
      const storefront = await apple.storefront(auth.accessToken);
      await completeLink(rctx, { discordId, provider: 'apple', account: { providerUserId: appleAccountKey(discordId), metadata: {} }, auth, metadata: { storefront } });
    } catch (failure) {
      throw await explainLinkFailure(rctx, discordId, failure);
    }
    res.redirect(303, '/linked/apple');
  };
}

function assertSameOrigin(ctx: AppContext, req: Request): void {
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  if (site !== undefined && site !== 'same-origin') throw linkFailures.crossSite();
  if (origin !== undefined && origin !== publicOrigin(ctx)) throw linkFailures.crossSite();
}
