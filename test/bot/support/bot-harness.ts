import { commands } from '../../../commands/index.js';
import type { AppContext } from '../../../src/context.js';
import { deployCommands } from '../../../src/bot/deploy.js';
import type { RefresherOptions } from '../../../src/bot/join-message-refresher.js';
import { startBot } from '../../../src/bot/start.js';
import { createDiscordOutbox } from '../../../src/discord/outbox.js';
import type { ProviderId } from '../../../src/providers/types.js';
import { startFakeDiscord, type FakeDiscord, type FakeMessage, type FakeUser } from '../../fake-discord/index.js';
import { testContext } from '../../support/context.js';
import { uniqueSnowflake } from './snowflake.js';
import { enabledProviders } from './stub-provider.js';

export const BOT_TOKEN = 'harness-bot-token';

/** Short coalescing delays, so tests see join-message edits quickly. */
const FAST_REFRESH: RefresherOptions = { quietMs: 100, maxDelayMs: 500 };

export interface BotHarness {
  readonly discord: FakeDiscord;
  /** The context the bot runs with: REST outbox and gateway both point at the fake. */
  readonly ctx: AppContext;
  readonly guildId: string;
  /** #general and #random. */
  readonly channelId: string;
  readonly otherChannelId: string;
  /** Every log line the bot wrote (JSON). */
  readonly logLines: string[];
  user(name: string): FakeUser;
  /** Log lines at error level or above: a test file's afterAll expects none. */
  errors(): string[];
  /** Stops the running bot (its stop flushes pending join-message edits); the fake keeps running. */
  stopBot(): Promise<void>;
  /** Stops the running bot, if any, and logs a fresh one in (a restart: nothing cached). */
  restartBot(refresher?: RefresherOptions): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly providers?: readonly ProviderId[];
  /** Extra guild members named member-1 … member-N (alice, bob, carol, dave and erin are always there). */
  readonly extraMembers?: number;
  readonly refresher?: RefresherOptions;
}

/**
 * A fake Discord (REST + gateway) with one guild whose ids are unique to this test process, the
 * commands deployed globally (as production does without DISCORD_GUILD_ID, so they work in DMs
 * too), and the real bot (startBot) logged in to it.
 */
export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const guildId = uniqueSnowflake();
  const [channelId, otherChannelId] = [uniqueSnowflake(), uniqueSnowflake()];
  const names = ['alice', 'bob', 'carol', 'dave', 'erin', ...Array.from({ length: options.extraMembers ?? 0 }, (_, i) => `member-${i + 1}`)];
  const discord = await startFakeDiscord({
    validToken: BOT_TOKEN,
    guilds: [{ id: guildId, name: 'Blend Club', channels: [{ id: channelId, name: 'general' }, { id: otherChannelId, name: 'random' }], members: names.map((username) => ({ id: uniqueSnowflake(), username })) }],
  });
  const logLines: string[] = [];
  const ctx = await testContext({
    env: { DISCORD_API_BASE: discord.apiBase, DISCORD_TOKEN: BOT_TOKEN, DISCORD_CLIENT_ID: discord.applicationId },
    providers: enabledProviders(...(options.providers ?? ['spotify', 'apple'])),
    discord: createDiscordOutbox({ token: BOT_TOKEN, apiBase: discord.apiBase }),
    logLines,
  });
  await deployCommands({ token: BOT_TOKEN, clientId: discord.applicationId, apiBase: discord.apiBase }, commands);
  let running: (() => Promise<void>) | undefined = await startBot(ctx, { refresher: options.refresher ?? FAST_REFRESH });
  const stopBot = async () => {
    const stopping = running;
    running = undefined;
    await stopping?.();
  };
  return {
    discord, ctx, guildId, channelId, otherChannelId, logLines,
    user: (name) => discord.user(name),
    errors: () => logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50),
    stopBot,
    async restartBot(refresher = FAST_REFRESH) {
      await stopBot();
      running = await startBot(ctx, { refresher });
    },
    async stop() {
      await stopBot();
      await discord.close();
    },
  };
}

/** The bot's join message (the newest message with an embed whose title has the blend's name). */
export function joinMessage(h: BotHarness, blendName: string, channelId = h.channelId): FakeMessage | undefined {
  return h.discord.messages(channelId).filter((m) => m.author.id === h.discord.bot.id && m.embeds[0]?.title?.includes(blendName)).at(-1);
}

/** Runs /blend start as `user` and waits for the join message and the private answer. */
export async function startBlendVia(h: BotHarness, user: FakeUser, name: string, options: Record<string, string | number> = {}, channelId = h.channelId): Promise<{ message: FakeMessage; answer: FakeMessage }> {
  const interaction = await h.discord.slashCommand({ user, name: 'blend', subcommand: 'start', options: { name, ...options }, channelId });
  const answer = await interaction.finalReply();
  const message = await h.discord.waitFor(() => joinMessage(h, name, channelId), { description: `the join message of ${name}` });
  return { message, answer };
}

/** The share code shown on a join message. */
export function shareCodeOf(message: FakeMessage): string {
  const field = message.embeds[0]?.fields?.find((f) => f.name === 'Share code');
  const code = field?.value.replaceAll('`', '');
  if (!code) throw new Error(`message ${message.id} shows no share code`);
  return code;
}

/** The members field of a join message, as text. */
export function memberField(message: FakeMessage): string {
  return message.embeds[0]?.fields?.find((f) => f.name.startsWith('Members'))?.value ?? '';
}
