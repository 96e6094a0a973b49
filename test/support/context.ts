import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { createLinkSigner } from '../../src/crypto/link-signer.js';
import { createVault } from '../../src/crypto/vault.js';
import type { DiscordOutbox } from '../../src/discord/outbox.js';
import { RecordingOutbox } from './recording-outbox.js';

export { RecordingOutbox, type OutboxCall } from './recording-outbox.js';
import { createLogger } from '../../src/logger.js';
import type { MusicProvider, ProviderId } from '../../src/providers/types.js';
import { testDatabase } from './db.js';

export const TEST_KEY = Buffer.alloc(32, 9);

/** A minimal valid environment; tests add what they need. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: 'test-bot-token', DISCORD_CLIENT_ID: '100000000000000001', TOKEN_ENCRYPTION_KEY: TEST_KEY.toString('base64'),
    LOG_LEVEL: 'silent', ...extra,
  };
}

export interface TestContextOptions {
  readonly env?: Record<string, string>;
  readonly providers?: ReadonlyMap<ProviderId, MusicProvider>;
  readonly discord?: DiscordOutbox;
  readonly now?: () => Date;
  /** Collect log lines (JSON strings) instead of dropping them. */
  readonly logLines?: string[];
}

/** An AppContext on the test database with a fixed vault key; each test states only what differs. */
export async function testContext(options: TestContextOptions = {}): Promise<AppContext & { config: Config }> {
  const config = loadConfig(testEnv(options.env));
  const lines = options.logLines;
  const log = lines
    ? createLogger({ level: 'debug', pretty: false }, new Writable({ write(chunk, _e, done) { lines.push(String(chunk)); done(); } }))
    : createLogger({ level: 'silent', pretty: false });
  const now = options.now ?? (() => new Date());
  return {
    config,
    log,
    db: (await testDatabase()).db,
    now,
    providers: options.providers ?? new Map(),
    linkClients: {},
    vault: createVault(config.vault.key),
    links: createLinkSigner({ secret: config.vault.key, publicBaseUrl: config.web.publicBaseUrl, now }),
    discord: options.discord ?? new RecordingOutbox(),
  };
}

export const randomSecret = (): Buffer => randomBytes(32);
