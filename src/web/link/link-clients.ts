import type { AppleAuth, SpotifyAuth } from '../../providers/index.js';
import type { ProviderId } from '../../providers/types.js';
import type { AppContext } from '../../context.js';

/** What the web role needs of each provider to link an account (beyond `ctx.providers`). */
export interface LinkClients {
  readonly spotify?: SpotifyAuth;
  readonly apple?: AppleAuth;
}

/** Linking works for a provider when it is enabled and its link client exists. */
export const canLink = (ctx: AppContext, clients: LinkClients, provider: ProviderId): boolean =>
  ctx.providers.has(provider) && clients[provider] !== undefined;
