import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AppContext } from '../../context.js';
import { asUser, withActor } from '../../data/actor.js';
import { consumeOAuthState, createOAuthState } from '../../data/oauth-states.js';
import type { ProviderId } from '../../providers/types.js';
import { isHttps } from '../web-context.js';
import { linkFailures } from './link-failures.js';
import { clearStateCookie, isBoundToThisBrowser, setStateCookie } from './state-cookie.js';

/**
 * The OAuth `state` is a signed 'state' token (it names the Discord user and provider, so the
 * callback knows whose it is before touching the database) backed by a single-use row that
 * stores only SHA-256 of the token's nonce, plus the PKCE verifier as a vault ciphertext.
 */
const hashNonce = (nonce: string) => createHash('sha256').update(nonce).digest('hex');

/** Signs and stores a state for this user and provider, and binds it to this browser. */
export async function startState(ctx: AppContext, res: Response, discordId: string, provider: ProviderId, codeVerifier?: string): Promise<string> {
  const state = ctx.links.sign('state', discordId, provider);
  const verified = ctx.links.verify('state', state);
  if (!verified.ok) throw new Error(`a state signed just now did not verify (${verified.reason})`);
  await withActor(ctx.db, asUser(discordId), (tx) => createOAuthState(tx, {
    nonceHash: hashNonce(verified.claims.nonce), discordId, provider,
    codeVerifierEncrypted: codeVerifier === undefined ? undefined : ctx.vault.encrypt(codeVerifier),
    expiresAt: verified.claims.expiresAt,
  }, ctx.now()));
  setStateCookie(res, provider, state, isHttps(ctx));
  return state;
}

export interface ConsumedState {
  readonly discordId: string;
  readonly codeVerifier?: string;
}

/**
 * Accepts a state once: it must verify, be for this provider, come back to the browser that
 * started it, and still be unused and unexpired in the database (another user's row is invisible
 * under their RLS identity, so it reads as unknown). Throws the page to show otherwise.
 */
export async function consumeState(ctx: AppContext, req: Request, res: Response, provider: ProviderId, state: string | undefined): Promise<ConsumedState> {
  if (!state) throw linkFailures.badCallback();
  const verified = ctx.links.verify('state', state);
  if (!verified.ok) throw verified.reason === 'expired' ? linkFailures.expiredState() : linkFailures.badState();
  const { discordId, nonce } = verified.claims;
  if (verified.claims.provider !== provider) throw linkFailures.badState();
  if (!isBoundToThisBrowser(req, provider, state)) throw linkFailures.otherBrowser();
  const consumed = await withActor(ctx.db, asUser(discordId), (tx) => consumeOAuthState(tx, { nonceHash: hashNonce(nonce), provider }, ctx.now()));
  clearStateCookie(res, provider, isHttps(ctx));
  switch (consumed.kind) {
    case 'consumed':
      return { discordId, codeVerifier: consumed.codeVerifierEncrypted ? ctx.vault.decrypt(consumed.codeVerifierEncrypted) : undefined };
    case 'already_used': throw linkFailures.usedState();
    case 'expired': throw linkFailures.expiredState();
    case 'missing': throw linkFailures.badState();
  }
}
