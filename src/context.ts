import type { Db } from '../db/client.js';
import type { Config } from './config.js';
import type { TokenVault } from './crypto/vault.js';
import type { LinkSigner } from './crypto/link-signer.js';
import type { DiscordOutbox } from './discord/outbox.js';
import type { Logger } from './logger.js';
import type { MusicProvider, ProviderId } from './providers/types.js';
import type { LinkClients } from './web/link/link-clients.js';

/**
 * Everything a handler, route or worker step needs, built once in main.ts and passed down.
 * Nothing in feature code reaches for a global.
 */
export interface AppContext {
  readonly config: Config;
  readonly log: Logger;
  readonly db: Db;
  readonly now: () => Date;
  /** Only the enabled providers. */
  readonly providers: ReadonlyMap<ProviderId, MusicProvider>;
  /** What linking an account needs of each enabled provider (OAuth client, developer tokens). */
  readonly linkClients: LinkClients;
  readonly vault: TokenVault;
  readonly links: LinkSigner;
  readonly discord: DiscordOutbox;
}

export const scoped = (ctx: AppContext, bindings: Record<string, unknown>): AppContext =>
  ({ ...ctx, log: ctx.log.child(bindings) });
