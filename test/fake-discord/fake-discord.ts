import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits } from 'discord.js';
import type { FakeCore } from './core.js';
import { Driver } from './driver.js';
import type { ComponentInput, ReactionInput, SlashCommandInput, UserMessageInput } from './driver.js';
import { FakeGateway } from './gateway.js';
import type { FakeInteraction } from './interaction-handle.js';
import { InteractionRegistry } from './interactions.js';
import { MessageService } from './messages.js';
import { memberPayload } from './payloads.js';
import { ReactionService } from './reactions.js';
import { createRestHandler } from './rest-server.js';
import type { FailureRule } from './rest-server.js';
import { allRoutes } from './routes/index.js';
import { FakeState } from './state.js';
import type {
  FakeChannel,
  FakeDiscordOptions,
  FakeGuild,
  FakeMessage,
  FakeReaction,
  FakeUser,
  GatewayStats,
  GuildSeed,
  RecordedCall,
  RegisteredCommand,
  UserSeed,
} from './types.js';
import { waitFor } from './wait-for.js';
import type { Found, WaitOptions } from './wait-for.js';

const DEFAULT_GUILD: GuildSeed = {
  name: 'Test Server',
  channels: [{ name: 'general' }],
  members: [{ username: 'alice' }, { username: 'bob' }, { username: 'carol' }],
};

/** Starts a Discord-compatible REST + gateway server on 127.0.0.1 (random port). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const state = new FakeState(options.botUser ?? { username: 'testbot', globalName: 'Test Bot' }, options.applicationId);
  for (const seed of options.guilds ?? [DEFAULT_GUILD]) state.addGuild(seed);
  const server = createServer();
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const gateway = new FakeGateway(server, state, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000,
    validToken: options.validToken,
    url: gatewayUrl,
  });
  const core: FakeCore = {
    state,
    gateway,
    messages: new MessageService(state, gateway),
    reactions: new ReactionService(state, gateway),
    interactions: new InteractionRegistry(state.nextId),
    interactionAckTimeoutMs: options.interactionAckTimeoutMs ?? 3000,
    gatewayUrl,
  };
  const failures: FailureRule[] = [];
  server.on('request', createRestHandler({ state, routes: allRoutes(core), validToken: options.validToken, failures }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return new FakeDiscord(core, server, failures, port);
}

export class FakeDiscord {
  /** Pass as `rest: { api }` / DISCORD_API_BASE. */
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly #driver: Driver;
  #closed: Promise<void> | null = null;

  constructor(
    private readonly core: FakeCore,
    private readonly server: Server,
    private readonly failures: FailureRule[],
    readonly port: number,
  ) {
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = core.gatewayUrl();
    this.#driver = new Driver(core, () => this.channel);
  }

  get applicationId(): string {
    return this.core.state.applicationId;
  }
  get bot(): FakeUser {
    return this.core.state.bot;
  }
  /** The last bot token seen in IDENTIFY or an Authorization header. */
  get botToken(): string | null {
    return this.core.state.botToken;
  }
  get guilds(): readonly FakeGuild[] {
    return [...this.core.state.guilds.values()].map((g) => this.core.state.guildView(g));
  }
  get guild(): FakeGuild {
    const first = this.guilds[0];
    if (!first) throw new Error('the fake has no guilds');
    return first;
  }
  get channel(): FakeChannel {
    const first = this.guild.channels[0];
    if (!first) throw new Error(`guild ${this.guild.name} has no channels`);
    return first;
  }
  /** Every REST call in arrival order; unknown routes have `route: null` and status 404. */
  get calls(): readonly RecordedCall[] {
    return this.core.state.calls;
  }
  get commands(): readonly RegisteredCommand[] {
    return this.core.state.commands;
  }
  get interactions(): readonly FakeInteraction[] {
    return this.#driver.handles;
  }
  get gateway(): GatewayStats {
    return this.core.gateway.stats;
  }

  /** A known user by username or id. */
  user(nameOrId: string): FakeUser {
    const found = [...this.core.state.users.values()].find((u) => u.id === nameOrId || u.username === nameOrId);
    if (!found) throw new Error(`no user '${nameOrId}' in the fake`);
    return found;
  }

  /** Adds a user to a guild (default: the first) and dispatches GUILD_MEMBER_ADD. */
  addMember(seed: UserSeed, guildId: string = this.guild.id): FakeUser {
    const guild = this.core.state.guilds.get(guildId);
    if (!guild) throw new Error(`unknown guild ${guildId}`);
    const user = this.core.state.addUser(seed);
    guild.memberIds.push(user.id);
    this.core.gateway.dispatch('GUILD_MEMBER_ADD', { guild_id: guild.id, ...memberPayload(user, guild) }, GatewayIntentBits.GuildMembers);
    this.core.state.notify();
    return user;
  }

  /** While closed, bot sends to this user's DM channel fail with 403 / 50007. */
  setDmsClosed(userId: string, closed = true): void {
    if (closed) this.core.state.dmsClosed.add(userId);
    else this.core.state.dmsClosed.delete(userId);
  }

  async slashCommand(input: SlashCommandInput): Promise<FakeInteraction> {
    return this.#driver.slashCommand(input);
  }
  async clickButton(input: ComponentInput): Promise<FakeInteraction> {
    return this.#driver.component(input);
  }
  async selectMenu(input: ComponentInput & { readonly values: readonly string[] }): Promise<FakeInteraction> {
    return this.#driver.component(input, input.values);
  }
  async react(input: ReactionInput): Promise<void> {
    this.#driver.react(input, true);
  }
  async unreact(input: ReactionInput): Promise<void> {
    this.#driver.react(input, false);
  }
  /** A message written by a user (dispatched as MESSAGE_CREATE to bots with the message intents). */
  postAsUser(input: UserMessageInput): FakeMessage {
    return this.#driver.postAsUser(input);
  }

  /** Messages in a channel (default: #general), oldest first; ephemeral ones included and flagged. */
  messages(channelId: string = this.channel.id, options: { includeDeleted?: boolean } = {}): readonly FakeMessage[] {
    return this.core.state.messagesIn(channelId).filter((m) => options.includeDeleted || !m.deleted);
  }
  message(channelId: string, messageId: string): FakeMessage | undefined {
    const message = this.core.state.messages.get(messageId);
    return message?.channelId === channelId ? message : undefined;
  }
  /** Messages the bot got through to this user's DM channel. */
  dms(userId: string): readonly FakeMessage[] {
    const channel = this.core.state.dmChannelOf(userId);
    if (!channel) return [];
    return this.messages(channel.id).filter((m) => m.author.id === this.bot.id);
  }
  dmChannel(userId: string): FakeChannel | undefined {
    return this.core.state.dmChannelOf(userId);
  }
  reactions(channelId: string, messageId: string): readonly FakeReaction[] {
    const message = this.message(channelId, messageId);
    return (message?.reactions ?? []).filter((r) => r.userIds.length > 0).map((r) => ({ emoji: r.emoji, userIds: [...r.userIds] }));
  }

  /** Resolves with the probe's first non-null/undefined/false value; re-checks on every fake event. */
  waitFor<T>(probe: () => T | Promise<T>, options?: WaitOptions): Promise<Found<T>> {
    return waitFor(this.core.state, probe, options);
  }

  /**
   * The next `times` REST calls whose `METHOD /path` (e.g. `POST /channels/123/messages`) match
   * fail with this status. discord.js retries 5xx itself (3 times by default): use `times` for that.
   */
  failNext(match: RegExp, response: { status: number; code?: number; message?: string }, times = 1): void {
    this.failures.push({ match, status: response.status, code: response.code ?? 0, message: response.message ?? `${response.status}: injected failure`, remaining: times });
  }

  /** Sends op 7 RECONNECT to every connected bot; discord.js then RESUMEs. */
  requestReconnect(): void {
    this.core.gateway.requestReconnect();
  }

  /** Idempotent. Destroy your discord.js clients first: still-connected ones are closed with 4004. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      await this.core.gateway.close();
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
    })();
    return this.#closed;
  }
}
