import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../db/client.js';
import { commands } from '../../commands/index.js';
import { createAppContext } from '../../src/app-context.js';
import { startBot } from '../../src/bot/start.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import type { Logger } from '../../src/logger.js';
import { startWeb } from '../../src/web/start.js';
import { startSchedule } from '../../src/worker/schedule.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.js';
import type { FakeUser } from '../fake-discord/types.js';
import { startProviderServer, type ProviderServer } from '../providers/sim/index.js';

/** The people of the demo server: their Discord name and the simulated account they link. */
export const CAST = [
  { username: 'ana', globalName: 'Ana', provider: 'spotify', sim: 'ana' },
  { username: 'ben', globalName: 'Ben', provider: 'spotify', sim: 'ben' },
  { username: 'cleo', globalName: 'Cleo', provider: 'apple', sim: 'cleo' },
  { username: 'dev', globalName: 'Dev', provider: 'apple', sim: 'dev', dmsClosed: true },
] as const;
export type CastMember = (typeof CAST)[number];

export interface World {
  readonly discord: FakeDiscord;
  readonly providers: ProviderServer;
  readonly ctx: AppContext;
  readonly webOrigin: string;
  readonly channelId: string;
  user(member: CastMember): FakeUser;
  stop(): Promise<void>;
}

export interface WorldOptions {
  readonly db: Db;
  readonly log: Logger;
  readonly dataDir: string;
  /** Run the worker on this cron; without it the caller runs ticks itself. */
  readonly workerCron?: string;
}

/**
 * Everything blend-bot talks to, on 127.0.0.1: a Discord-compatible server with a "Blend Club"
 * guild, the Spotify and Apple Music simulators, and the real bot, web and worker roles wired
 * by the same createAppContext as production, configured through the same environment parsing.
 */
export async function startWorld(options: WorldOptions): Promise<World> {
  const discord = await startFakeDiscord({
    guilds: [{ name: 'Blend Club', channels: [{ name: 'music' }], members: CAST.map((m) => ({ username: m.username, globalName: m.globalName })) }],
    heartbeatIntervalMs: 5_000,
  });
  const providers = await startProviderServer();
  const port = await freePort();
  const { spotify, apple } = providers;
  const config = loadConfig({
    DISCORD_TOKEN: 'demo-bot-token', DISCORD_CLIENT_ID: discord.applicationId, DISCORD_API_BASE: discord.apiBase,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'), DATA_DIR: options.dataDir,
    PORT: String(port), PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    SPOTIFY_CLIENT_ID: spotify.config.clientId, SPOTIFY_CLIENT_SECRET: spotify.config.clientSecret,
    SPOTIFY_API_BASE: spotify.config.apiBase, SPOTIFY_ACCOUNTS_BASE: spotify.config.accountsBase,
    APPLE_TEAM_ID: apple.config.teamId, APPLE_KEY_ID: apple.config.keyId, APPLE_PRIVATE_KEY: apple.config.privateKeyPem, APPLE_MUSIC_API_BASE: apple.config.apiBase,
    ...(options.workerCron ? { BLEND_CRON: options.workerCron } : {}),
  });
  const ctx = createAppContext(config, options.log, options.db);
  await deployCommands({ ...config.discord, clientId: discord.applicationId, guildId: discord.guild.id }, commands);
  for (const member of CAST) if ('dmsClosed' in member) discord.setDmsClosed(discord.user(member.username).id, true);
  const stops = [await startWeb(ctx), await startBot(ctx)];
  if (options.workerCron) stops.push(startSchedule(ctx));
  return {
    discord, providers, ctx, webOrigin: config.web.publicBaseUrl, channelId: discord.channel.id,
    user: (member) => discord.user(member.username),
    async stop() {
      for (const stop of stops.reverse()) await stop();
      await providers.close();
      await discord.close();
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
