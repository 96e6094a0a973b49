import { performance } from 'node:perf_hooks';
import { ComponentType } from 'discord.js';
import type { APIMessageComponent, APIMessageTopLevelComponent } from 'discord.js';
import type { FakeCore } from './core.js';
import { FakeInteraction } from './interaction-handle.js';
import { commandInteractionPayload, componentInteractionPayload, findCommand } from './interaction-payloads.js';
import type { CommandPath } from './interaction-payloads.js';
import type { InteractionInit, InteractionRecord } from './interactions.js';
import { parseEmoji } from './reactions.js';
import type { MessageRecord } from './state.js';
import type { FakeChannel, FakeMessage, FakeUser } from './types.js';

export interface SlashCommandInput extends CommandPath {
  readonly user: FakeUser;
  /** Default: the first channel of `guildId`, or of the default guild. */
  readonly channelId?: string;
  readonly guildId?: string;
  /** Run the command in the user's DM with the bot instead of a guild channel. */
  readonly dm?: boolean;
}

export interface ComponentInput {
  readonly user: FakeUser;
  readonly customId: string;
  readonly messageId: string;
  /** Optional: checked against the message's channel when given. */
  readonly channelId?: string;
}

export interface ReactionInput {
  readonly user: FakeUser;
  readonly messageId: string;
  readonly emoji: string;
  readonly channelId?: string;
}

export interface UserMessageInput {
  readonly user: FakeUser;
  readonly content: string;
  readonly channelId?: string;
}

/** Plays the Discord client's part: users running commands, clicking, reacting, posting. */
export class Driver {
  readonly handles: FakeInteraction[] = [];

  constructor(
    private readonly core: FakeCore,
    private readonly defaultChannel: () => FakeChannel,
  ) {}

  slashCommand(input: SlashCommandInput): FakeInteraction {
    const channel = input.dm ? this.core.state.openDm(input.user.id) : this.#guildChannel(input);
    this.#checkRegistered(input, channel);
    const init = { kind: 'command', user: input.user, channel, commandName: input.name, customId: null, sourceMessage: null } as const;
    return this.#dispatch(init, (record) => commandInteractionPayload(this.core.state, record, input));
  }

  component(input: ComponentInput, values?: readonly string[]): FakeInteraction {
    const message = this.#message(input.messageId, input.channelId);
    const component = findComponent(message.components, input.customId);
    if (!component) {
      const ids = customIds(message.components).join(', ') || 'none';
      throw new Error(`message ${message.id} has no component '${input.customId}' (custom ids: ${ids})`);
    }
    if ('disabled' in component && component.disabled) throw new Error(`component '${input.customId}' is disabled`);
    const channel = this.core.state.channels.get(message.channelId)!;
    this.#checkAccess(input.user, channel);
    const init = { kind: 'component', user: input.user, channel, commandName: null, customId: input.customId, sourceMessage: message } as const;
    return this.#dispatch(init, (record) => componentInteractionPayload(this.core.state, record, values));
  }

  react(input: ReactionInput, add: boolean): void {
    const message = this.#message(input.messageId, input.channelId);
    const emoji = parseEmoji(input.emoji);
    if (!emoji) throw new Error(`'${input.emoji}' is not an emoji Discord accepts (use the character, or name:id)`);
    this.#checkAccess(input.user, this.core.state.channels.get(message.channelId)!);
    if (add) this.core.reactions.add(message, input.user, emoji);
    else this.core.reactions.remove(message, input.user, emoji);
    this.core.state.notify();
  }

  postAsUser(input: UserMessageInput): FakeMessage {
    const channel = input.channelId ? this.#channel(input.channelId) : this.defaultChannel();
    this.#checkAccess(input.user, channel);
    const draft = { content: input.content, embeds: [], components: [], flags: 0 };
    const message = this.core.messages.create({ channel, author: input.user, draft });
    this.core.state.notify();
    return message;
  }

  #dispatch(init: InteractionInit, payload: (record: InteractionRecord) => unknown): FakeInteraction {
    if (!this.core.gateway.hasSessions) {
      throw new Error('no bot session on the fake gateway: log a client in (and wait for clientReady) first');
    }
    const record = this.core.interactions.create(init);
    const data = payload(record);
    record.dispatchedAt = performance.now();
    this.core.gateway.dispatch('INTERACTION_CREATE', data);
    const handle = new FakeInteraction(record, this.core.state, this.core.interactionAckTimeoutMs);
    this.handles.push(handle);
    this.core.state.notify();
    return handle;
  }

  #guildChannel(input: SlashCommandInput): FakeChannel {
    if (input.channelId) return this.#channel(input.channelId);
    if (!input.guildId) return this.defaultChannel();
    const guild = this.core.state.guilds.get(input.guildId);
    const first = guild?.channelIds[0];
    if (!first) throw new Error(`unknown guild ${input.guildId} (or it has no channels)`);
    return this.#channel(first);
  }

  #channel(id: string): FakeChannel {
    const channel = this.core.state.channels.get(id);
    if (!channel) throw new Error(`unknown channel ${id}`);
    return channel;
  }

  #message(id: string, channelId: string | undefined): MessageRecord {
    const message = this.core.state.messages.get(id);
    if (!message || message.deleted) throw new Error(`unknown message ${id}`);
    if (channelId !== undefined && message.channelId !== channelId) {
      throw new Error(`message ${id} is in channel ${message.channelId}, not ${channelId}`);
    }
    return message;
  }

  /** Only guild members (or the DM's recipient) can use a channel, as on Discord. */
  #checkAccess(user: FakeUser, channel: FakeChannel): void {
    const guild = channel.guildId ? this.core.state.guilds.get(channel.guildId) : undefined;
    const allowed = guild ? guild.memberIds.includes(user.id) : channel.recipientId === user.id;
    if (!allowed) throw new Error(`${user.username} cannot see channel ${channel.id}`);
  }

  /** Once the bot has registered commands, only those can be run (Discord shows nothing else). */
  #checkRegistered(input: SlashCommandInput, channel: FakeChannel): void {
    this.#checkAccess(input.user, channel);
    if (this.core.state.commands.length === 0) return;
    if (!findCommand(this.core.state, input.name, channel.guildId)) {
      const names = this.core.state.commands.map((c) => `/${c.name}`).join(', ');
      throw new Error(`/${input.name} is not registered here (registered: ${names})`);
    }
  }
}

type AnyComponent = APIMessageTopLevelComponent | APIMessageComponent;

function children(component: AnyComponent): AnyComponent[] {
  if (component.type === ComponentType.ActionRow || component.type === ComponentType.Container) return component.components;
  if (component.type === ComponentType.Section) return [component.accessory];
  return [];
}

function findComponent(components: readonly AnyComponent[], customId: string): AnyComponent | undefined {
  for (const component of components) {
    if ('custom_id' in component && component.custom_id === customId) return component;
    const nested = findComponent(children(component), customId);
    if (nested) return nested;
  }
  return undefined;
}

function customIds(components: readonly AnyComponent[]): string[] {
  return components.flatMap((c) => [...('custom_id' in c && typeof c.custom_id === 'string' ? [c.custom_id] : []), ...customIds(children(c))]);
}
