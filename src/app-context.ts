import type { Db } from '../db/client.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { createLinkSigner } from './crypto/link-signer.js';
import { createVault } from './crypto/vault.js';
import { createDiscordOutbox } from './discord/outbox.js';
import type { Logger } from './logger.js';
import { createAppProviders } from './providers-wiring.js';

/** Builds the context every role shares. main.ts, the end-to-end test and the demo all use it. */
export function createAppContext(config: Config, log: Logger, db: Db, now: () => Date = () => new Date()): AppContext {
  const { providers, linkClients } = createAppProviders(config, log);
  return {
    config,
    log,
    db,
    now,
    vault: createVault(config.vault.key, config.vault.oldKeys),
    links: createLinkSigner({ secret: config.vault.key, publicBaseUrl: config.web.publicBaseUrl, now }),
    discord: createDiscordOutbox(config.discord),
    providers,
    linkClients,
  };
}
