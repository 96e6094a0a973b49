import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  RESTJSONErrorCodes,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import type { ApplicationCommand, Collection, Interaction, MessageReaction, PartialMessageReaction, PartialUser, TextChannel, User } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage, startFakeDiscord } from '../fake-discord/index.js';
import type { FakeDiscord, FakeDiscordOptions } from '../fake-discord/index.js';

type Handler = (interaction: Interaction) => Promise<unknown>;

interface Harness {
  readonly discord: FakeDiscord;
  readonly client: Client<true>;
  /** Replace to decide how the client answers the next interaction. */
  onInteraction: Handler;
  readonly handlerErrors: unknown[];
  stop(): Promise<void>;
}

async function connect(discord: FakeDiscord, token = 'test-token'): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessages],
    partials: [Partials.Message, Partials.Reaction, Partials.Channel, Partials.User],
    rest: { api: discord.apiBase },
  });
  const ready = once(client, Events.ClientReady);
  await client.login(token);
  await ready;
  return client as Client<true>;
}

async function startHarness(options: FakeDiscordOptions = {}): Promise<Harness> {
  const discord = await startFakeDiscord(options);
  const client = await connect(discord);
  const harness: Harness = {
    discord,
    client,
    onInteraction: async () => undefined,
    handlerErrors: [],
    async stop() {
      await client.destroy();
      await discord.close();
    },
  };
  client.on(Events.InteractionCreate, (interaction) => {
    harness.onInteraction(interaction).catch((error: unknown) => harness.handlerErrors.push(error));
  });
  return harness;
}

const blendCommand = new SlashCommandBuilder()
  .setName('blend')
  .setDescription('Group playlists')
  .addSubcommand((s) =>
    s.setName('start').setDescription('Start a blend')
      .addStringOption((o) => o.setName('name').setDescription('Name').setRequired(true))
      .addIntegerOption((o) => o.setName('size').setDescription('Tracks')))
  .addSubcommand((s) => s.setName('join').setDescription('Join'));
const pingCommand = new SlashCommandBuilder().setName('ping').setDescription('Ping');

describe('fake Discord with a real discord.js client', () => {
  let h: Harness;
  let registered: Collection<string, ApplicationCommand>;
  beforeAll(async () => {
    h = await startHarness();
    registered = await h.client.application.commands.set([blendCommand.toJSON()], h.discord.guild.id);
    await h.client.application.commands.set([pingCommand.toJSON()]);
  });
  afterAll(async () => {
    await h.stop();
    expect(h.handlerErrors).toEqual([]);
  });

  it('reaches clientReady with the bot user, the guild, its channel and members cached', () => {
    const { client, discord } = h;
    const guild = client.guilds.cache.get(discord.guild.id);
    expect(client.user.id).toBe(discord.bot.id);
    expect(guild?.name).toBe('Test Server');
    expect(guild?.channels.cache.get(discord.channel.id)?.name).toBe('general');
    expect(guild?.members.cache.has(discord.user('alice').id)).toBe(true);
    expect(discord.botToken).toBe('test-token');
    expect(discord.gateway).toMatchObject({ identifies: 1, readySessions: 1 });
  });

  it('records guild and global command registration with ids', () => {
    expect(h.discord.commands.map((c) => [c.name, c.guildId])).toEqual([
      ['blend', h.discord.guild.id],
      ['ping', null],
    ]);
    expect(registered.map((c) => c.id)).toEqual([h.discord.commands[0]?.id]);
  });

  it('delivers a slash command with readable options and records an ephemeral reply', async () => {
    const seen: unknown[] = [];
    h.onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push([interaction.commandName, interaction.options.getSubcommand(), interaction.options.getString('name'),
        interaction.options.getInteger('size'), interaction.user.id, interaction.guildId, interaction.channelId]);
      await interaction.reply({ content: 'Blend started', flags: MessageFlags.Ephemeral });
    };
    const alice = h.discord.user('alice');
    const i = await h.discord.slashCommand({ user: alice, name: 'blend', subcommand: 'start', options: { name: 'Friday mix', size: 20 } });

    const response = await i.response();
    expect(response).toMatchObject({ type: 4, accepted: true, status: 204 });
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
    expect(seen).toEqual([['blend', 'start', 'Friday mix', 20, alice.id, h.discord.guild.id, h.discord.channel.id]]);
    expect((await i.finalReply()).content).toBe('Blend started');
    expect(i.ephemeral).toBe(true);
    const callback = h.discord.calls.find((c) => c.route === 'POST /interactions/:interactionId/:token/callback');
    expect(callback).toMatchObject({ status: 204, token: null });
  });

  it('records deferReply + editReply + followUp', async () => {
    h.onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'Here is your blend', embeds: [new EmbedBuilder().setTitle('Friday mix').setDescription('20 tracks')] });
      await interaction.followUp({ content: 'Only you see this', flags: MessageFlags.Ephemeral });
    };
    const i = await h.discord.slashCommand({ user: h.discord.user('bob'), name: 'blend', subcommand: 'join' });

    expect((await i.response()).type).toBe(5);
    const reply = await i.finalReply();
    await h.discord.waitFor(() => i.messages.length === 2);
    expect(renderMessage(reply)).toBe('Here is your blend\n│ Friday mix\n│ 20 tracks');
    expect(reply.history).toHaveLength(1);
    expect(i.ephemeral).toBe(false);
    expect(i.messages.map((m) => [m.content, m.ephemeral])).toEqual([
      ['Here is your blend', false],
      ['Only you see this', true],
    ]);
    expect(h.discord.messages().map((m) => m.id)).toContain(reply.id);
  });

  it('answers a second acknowledgement with 40060', async () => {
    h.onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'pong' });
      await h.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'again' } },
        auth: false,
      }).catch((error: unknown) => (rejection = error));
    };
    let rejection: unknown;
    const i = await h.discord.slashCommand({ user: h.discord.user('carol'), name: 'ping' });

    await h.discord.waitFor(() => rejection);
    expect(rejection).toBeInstanceOf(DiscordAPIError);
    expect((rejection as DiscordAPIError).code).toBe(RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged);
    expect(i.callbacks.map((c) => [c.status, c.accepted])).toEqual([[204, true], [400, false]]);
  });

  it('runs a slash command in a DM', async () => {
    h.onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      expect([interaction.guildId, interaction.channel?.type]).toEqual([null, ChannelType.DM]);
      await interaction.reply({ content: `hi ${interaction.user.username}` });
    };
    const alice = h.discord.user('alice');
    const i = await h.discord.slashCommand({ user: alice, name: 'ping', dm: true });
    expect((await i.finalReply()).content).toBe('hi alice');
    expect(h.discord.dms(alice.id).map((m) => m.content)).toContain('hi alice');
  });

  it('delivers a button click as a component interaction that can update the message', async () => {
    const channel = h.client.channels.cache.get(h.discord.channel.id) as TextChannel;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('join:1').setLabel('Join').setStyle(ButtonStyle.Primary),
      new ButtonBuilder().setURL('https://example.com/p').setLabel('Open').setStyle(ButtonStyle.Link),
    );
    const posted = await channel.send({ content: 'Friday mix is open', components: [row] });
    expect(renderMessage(h.discord.message(channel.id, posted.id)!)).toBe('Friday mix is open\n[Join] [Open ↗ https://example.com/p]');
    h.onInteraction = async (interaction) => {
      if (!interaction.isButton()) return;
      expect([interaction.customId, interaction.message.id]).toEqual(['join:1', posted.id]);
      await interaction.update({ content: 'Friday mix: 1 member', components: [] });
    };

    const i = await h.discord.clickButton({ user: h.discord.user('bob'), customId: 'join:1', messageId: posted.id, channelId: channel.id });

    expect((await i.response()).type).toBe(7);
    expect((await i.finalReply()).id).toBe(posted.id);
    const stored = h.discord.message(channel.id, posted.id);
    expect(stored?.content).toBe('Friday mix: 1 member');
    expect(stored?.history.map((v) => v.content)).toEqual(['Friday mix is open']);
  });

  it('delivers reactions on an uncached message (partials) and their removal', async () => {
    const added: [PartialMessageReaction | MessageReaction, User | PartialUser][] = [];
    const removed: string[] = [];
    const onAdd = (r: MessageReaction | PartialMessageReaction, u: User | PartialUser) => void added.push([r, u]);
    const onRemove = (r: MessageReaction | PartialMessageReaction, u: User | PartialUser) => void removed.push(`${r.emoji.name} ${u.id}`);
    h.client.on(Events.MessageReactionAdd, onAdd);
    h.client.on(Events.MessageReactionRemove, onRemove);
    const bob = h.discord.user('bob');
    const message = h.discord.postAsUser({ user: h.discord.user('alice'), content: 'my playlist' });

    await h.discord.react({ user: bob, messageId: message.id, emoji: '🎧' });
    await h.discord.waitFor(() => added.length === 1);
    const [reaction, user] = added[0]!;
    expect([reaction.partial, reaction.message.partial, reaction.emoji.name, user.id]).toEqual([true, true, '🎧', bob.id]);
    expect((await reaction.message.fetch()).content).toBe('my playlist');

    await h.discord.unreact({ user: bob, messageId: message.id, emoji: '🎧' });
    await h.discord.waitFor(() => removed.length === 1);
    expect(removed).toEqual([`🎧 ${bob.id}`]);
    h.client.off(Events.MessageReactionAdd, onAdd);
    h.client.off(Events.MessageReactionRemove, onRemove);
  });

  it('posts, edits and reacts on a channel message, echoing the bot reaction over the gateway', async () => {
    const ownReactions: string[] = [];
    const onAdd = (_r: unknown, u: User | PartialUser) => void ownReactions.push(u.id);
    h.client.on(Events.MessageReactionAdd, onAdd);
    const channel = h.client.channels.cache.get(h.discord.channel.id) as TextChannel;

    const message = await channel.send('Blend ready');
    await message.edit('Blend ready: 20 tracks');
    await message.react('🎧');

    await h.discord.waitFor(() => ownReactions.length === 1);
    expect(ownReactions).toEqual([h.client.user.id]);
    const stored = h.discord.message(channel.id, message.id);
    expect([stored?.content, stored?.editedAt !== null, stored?.history.length]).toEqual(['Blend ready: 20 tracks', true, 1]);
    expect(h.discord.reactions(channel.id, message.id)).toEqual([{ emoji: '🎧', userIds: [h.client.user.id] }]);
    expect(renderMessage(stored!, { header: true })).toBe('Test Bot (edited):\nBlend ready: 20 tracks\n🎧 1');
    h.client.off(Events.MessageReactionAdd, onAdd);
  });

  it('delivers DMs, except to users whose DMs are closed (50007)', async () => {
    const alice = h.discord.user('alice');
    const carol = h.discord.user('carol');
    h.discord.setDmsClosed(carol.id);

    await h.client.users.send(alice.id, 'Your blend is ready');
    const failure = await h.client.users.send(carol.id, 'Your blend is ready').catch((error: unknown) => error);

    expect(h.discord.dms(alice.id).map((m) => m.content)).toContain('Your blend is ready');
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect((failure as DiscordAPIError).code).toBe(RESTJSONErrorCodes.CannotSendMessagesToThisUser);
    expect(h.discord.dms(carol.id)).toEqual([]);
  });

  it('answers unknown routes with a recorded 404', async () => {
    const failure = await h.client.rest.get('/nowhere/at/all').catch((error: unknown) => error);
    expect((failure as DiscordAPIError).status).toBe(404);
    expect(h.discord.calls.at(-1)).toMatchObject({ method: 'GET', path: '/nowhere/at/all', route: null, status: 404 });
  });

  it('handles 50 concurrent interactions', async () => {
    h.onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'pong' });
    };
    const user = h.discord.user('alice');
    const handles = await Promise.all(Array.from({ length: 50 }, () => h.discord.slashCommand({ user, name: 'ping' })));
    const responses = await Promise.all(handles.map((i) => i.response()));
    expect(responses.every((r) => r.accepted)).toBe(true);
  });
});

describe('fake Discord timers and sessions', () => {
  it('keeps a client alive through heartbeats and resumes after op 7', async () => {
    const h = await startHarness({ heartbeatIntervalMs: 200 });
    try {
      await h.discord.waitFor(() => h.discord.gateway.heartbeats >= 3, { timeoutMs: 2000 });
      expect(h.client.ws.ping).toBeGreaterThanOrEqual(0);

      h.discord.requestReconnect();
      await h.discord.waitFor(() => h.discord.gateway.resumes === 1 && h.discord.gateway.readySessions === 1, { timeoutMs: 3000 });
      h.onInteraction = async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here' });
      };
      const i = await h.discord.slashCommand({ user: h.discord.user('alice'), name: 'ping' });
      expect((await i.finalReply()).content).toBe('still here');
      expect(h.discord.gateway.identifies).toBe(1);
    } finally {
      await h.stop();
    }
  });

  it('answers an acknowledgement after the window with 10062', async () => {
    const h = await startHarness({ interactionAckTimeoutMs: 50 });
    try {
      let failure: unknown;
      h.onInteraction = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await new Promise((resolve) => setTimeout(resolve, 80));
        await interaction.reply({ content: 'too late' }).catch((error: unknown) => (failure = error));
      };
      const i = await h.discord.slashCommand({ user: h.discord.user('alice'), name: 'ping' });
      expect(await i.response()).toMatchObject({ status: 404, accepted: false });
      await h.discord.waitFor(() => failure);
      expect((failure as DiscordAPIError).code).toBe(RESTJSONErrorCodes.UnknownInteraction);
      expect(i.responseType).toBeNull();
    } finally {
      await h.stop();
    }
  });

  it('rejects a wrong token at login when a valid token is configured', async () => {
    const discord = await startFakeDiscord({ validToken: 'right' });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiBase } });
    try {
      await expect(client.login('wrong')).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(discord.calls.map((c) => [c.path, c.status])).toEqual([['/gateway/bot', 401]]);
    } finally {
      await client.destroy();
      await discord.close();
    }
  });

  it('stops a client that is still connected when the server closes', async () => {
    const discord = await startFakeDiscord();
    const client = await connect(discord);
    const disconnected = once(client, Events.ShardDisconnect);
    await discord.close();
    await disconnected;
    await client.destroy();
  });
});
