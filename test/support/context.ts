import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { createLinkSigner } from '../../src/crypto/link-signer.js';
import { createVault } from '../../src/crypto/vault.js';
import type { DiscordOutbox, DmResult, OutgoingMessage } from '../../src/discord/outbox.js';
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

/** What a `RecordingOutbox` was asked to send. */
export type OutboxCall =
  | { kind: 'dm'; userId: string; message: OutgoingMessage; result: DmResult['kind'] }
  | { kind: 'post'; channelId: string; message: OutgoingMessage; id: string }
  | { kind: 'edit'; channelId: string; messageId: string; message: unknown };

/** A DiscordOutbox for handler-level tests: records every call; `closedDms` answers 50007. */
export class RecordingOutbox implements DiscordOutbox {
  readonly calls: OutboxCall[] = [];
  readonly closedDms = new Set<string>();
  private next = 1;
  async sendDm(userId: string, message: OutgoingMessage): Promise<DmResult> {
    const result: DmResult = this.closedDms.has(userId) ? { kind: 'dms_closed' } : { kind: 'sent', messageId: `dm-${this.next++}` };
    this.calls.push({ kind: 'dm', userId, message, result: result.kind });
    return result;
  }
  async post(channelId: string, message: OutgoingMessage) {
    const id = `msg-${this.next++}`;
    this.calls.push({ kind: 'post', channelId, message, id });
    return { id };
  }
  async edit(channelId: string, messageId: string, message: unknown) {
    this.calls.push({ kind: 'edit', channelId, messageId, message });
  }
  dmsTo(userId: string) { return this.calls.filter((c): c is Extract<OutboxCall, { kind: 'dm' }> => c.kind === 'dm' && c.userId === userId); }
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
    vault: createVault(config.vault.key),
    links: createLinkSigner({ secret: config.vault.key, publicBaseUrl: config.web.publicBaseUrl, now }),
    discord: options.discord ?? new RecordingOutbox(),
  };
}

export const randomSecret = (): Buffer => randomBytes(32);
