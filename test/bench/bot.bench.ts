/**
 * `npm run bench -- bot`: how fast the bot acknowledges work, with the real discord.js client
 * against the fake Discord (REST + gateway) running in its own thread, as a remote Discord would.
 *
 * - 200 concurrent `/blend status`: INTERACTION_CREATE dispatched → the interaction callback
 *   (the defer) arriving at the server, as the server measures it. Discord allows 3,000 ms.
 * - 200 concurrent 🎧 reaction joins by members who already linked a service:
 *   MESSAGE_REACTION_ADD dispatched → the bot has committed the join. A reaction has no
 *   callback to acknowledge, so this is the moment the bot has taken it in.
 *
 * Runs on in-memory PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set (a scratch
 * database is created on that server and dropped afterwards).
 */
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { commands } from '../../commands/index.js';
import { scratchPglite, scratchPostgres, type BenchDatabase } from './support/scratch-db.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { startBot } from '../../src/bot/start.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { createLinkSigner } from '../../src/crypto/link-signer.js';
import { createVault } from '../../src/crypto/vault.js';
import { createDiscordOutbox } from '../../src/discord/outbox.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscordThread, type BurstResult, type ThreadInit } from '../bot/support/fake-discord-thread.js';
import { linkMember } from '../bot/support/members.js';
import { enabledProviders } from '../bot/support/stub-provider.js';

const CONCURRENCY = 200;
const TOKEN = 'bench-token';
const now = () => performance.timeOrigin + performance.now();

export async function run(): Promise<void> {
  await scenario('PGlite (in memory)', scratchPglite);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) await scenario('PostgreSQL', () => scratchPostgres(serverUrl));
}

async function scenario(label: string, open: () => Promise<BenchDatabase>): Promise<void> {
  console.log(`-- ${label}`);
  const usernames = Array.from({ length: CONCURRENCY + 1 }, (_, i) => `member-${i}`);
  const discord = new FakeDiscordThread();
  const fake = await discord.request<ThreadInit>({ kind: 'init', token: TOKEN, usernames });
  const { database, env, drop } = await open();
  const joins = new Map<string, number>();
  const ctx = benchContext(fake, database.db, joins, env);
  await deployCommands({ token: TOKEN, clientId: fake.applicationId, apiBase: fake.apiBase }, commands);
  const stop = await startBot(ctx);
  try {
    await discord.request({ kind: 'command', username: usernames[0]!, name: 'blend', subcommand: 'start', options: { name: 'Bench mix' } });
    const message = await discord.request<{ id: string; code: string }>({ kind: 'join-message', blendName: 'Bench mix' });
    await statusBurst(discord, usernames.slice(1), message.code);
    for (const id of fake.userIds.slice(1)) await linkMember(ctx.db, id);
    await reactionBurst(discord, usernames.slice(1), message.id, joins);
  } finally {
    await stop();
    await discord.close();
    await database.close();
    await drop();
  }
}

async function statusBurst(discord: FakeDiscordThread, usernames: readonly string[], code: string): Promise<void> {
  const status = await discord.request<BurstResult>({ kind: 'command-burst', usernames, name: 'blend', subcommand: 'status', options: { code } });
  report(`${usernames.length} concurrent /blend status, acknowledgement`, status.acks);
  console.log(`  acknowledgements Discord would refuse (>3 s): ${status.rejected}; all answers complete ${Math.round(status.completeMs)} ms after the last acknowledgement`);
}

async function reactionBurst(discord: FakeDiscordThread, usernames: readonly string[], messageId: string, joins: Map<string, number>): Promise<void> {
  const editsBefore = await discord.request<number>({ kind: 'edits', messageId });
  const { dispatchedAt } = await discord.request<{ dispatchedAt: Record<string, number> }>({ kind: 'react-burst', usernames, messageId, emoji: '🎧' });
  await until(() => joins.size >= usernames.length, 60_000);
  report(`${usernames.length} concurrent 🎧 reaction joins, join committed`, Object.entries(dispatchedAt).map(([id, at]) => joins.get(id)! - at));
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  console.log(`  edits of the join message for those ${usernames.length} joins: ${(await discord.request<number>({ kind: 'edits', messageId })) - editsBefore}`);
}

function report(label: string, samples: readonly number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  console.log(`${label}: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (n=${sorted.length})`);
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The bot's context; its log sink notes the moment each reaction join is committed. */
function benchContext(fake: ThreadInit, db: AppContext['db'], joins: Map<string, number>, env: Record<string, string>): AppContext {
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_BASE: fake.apiBase, TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), ...env });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(String(chunk)) as { msg?: string; userId?: string; level: number };
      if (line.msg === 'joined by reaction' && line.userId) joins.set(line.userId, now());
      if (line.level >= 50) console.error(String(chunk));
      done();
    },
  });
  const clock = () => new Date();
  return {
    config, db, now: clock,
    log: createLogger({ level: 'info', pretty: false }, sink),
    providers: enabledProviders('spotify'),
    linkClients: {},
    vault: createVault(config.vault.key),
    links: createLinkSigner({ secret: config.vault.key, publicBaseUrl: config.web.publicBaseUrl, now: clock }),
    discord: createDiscordOutbox(config.discord),
  };
}
