import { createSnowflakes } from './snowflake.js';
import type {
  FakeChannel,
  FakeEmoji,
  FakeGuild,
  FakeMessage,
  FakeUser,
  GuildSeed,
  MessageSnapshot,
  RecordedCall,
  RegisteredCommand,
  UserSeed,
} from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface ReactionRecord {
  readonly emoji: string;
  readonly ref: FakeEmoji;
  readonly userIds: string[];
}

export interface InteractionMeta {
  readonly id: string;
  readonly type: number;
  readonly userId: string;
}

export interface MessageRecord extends Mutable<FakeMessage> {
  history: MessageSnapshot[];
  reactions: ReactionRecord[];
  interactionMeta: InteractionMeta | null;
}

export interface GuildRecord {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly createdAt: number;
  readonly channelIds: string[];
  readonly memberIds: string[];
}

/** Everything the fake knows. Plain maps; every mutation goes through here or the services. */
export class FakeState {
  readonly nextId = createSnowflakes();
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, MessageRecord>();
  readonly dmsClosed = new Set<string>();
  readonly calls: RecordedCall[] = [];
  readonly commands: RegisteredCommand[] = [];
  readonly bot: FakeUser;
  readonly applicationId: string;
  botToken: string | null = null;
  readonly #channelMessages = new Map<string, MessageRecord[]>();
  readonly #dmChannelByUser = new Map<string, string>();
  readonly #listeners = new Set<() => void>();
  #notifyScheduled = false;

  constructor(bot: Omit<UserSeed, 'bot'>, applicationId?: string) {
    this.bot = this.addUser({ ...bot, bot: true });
    this.applicationId = applicationId ?? this.bot.id;
  }

  addUser(seed: UserSeed): FakeUser {
    const user: FakeUser = {
      id: seed.id ?? this.nextId(),
      username: seed.username,
      globalName: seed.globalName === undefined ? capitalize(seed.username) : seed.globalName,
      bot: seed.bot ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  addGuild(seed: GuildSeed): GuildRecord {
    const members = (seed.members ?? []).map((m) => this.addUser(m));
    const guild: GuildRecord = {
      id: seed.id ?? this.nextId(),
      name: seed.name,
      ownerId: members[0]?.id ?? this.bot.id,
      createdAt: Date.now(),
      channelIds: [],
      memberIds: [...members.map((m) => m.id), this.bot.id],
    };
    for (const c of seed.channels ?? [{ name: 'general' }]) {
      const channel: FakeChannel = { id: c.id ?? this.nextId(), kind: 'text', name: c.name, guildId: guild.id, recipientId: null };
      this.channels.set(channel.id, channel);
      guild.channelIds.push(channel.id);
    }
    this.guilds.set(guild.id, guild);
    return guild;
  }

  guildView(guild: GuildRecord): FakeGuild {
    return {
      id: guild.id,
      name: guild.name,
      ownerId: guild.ownerId,
      channels: guild.channelIds.map((id) => this.channels.get(id)).filter(isDefined),
      members: guild.memberIds.map((id) => this.users.get(id)).filter(isDefined),
    };
  }

  /** The DM channel between the bot and a user, created on first use (like POST /users/@me/channels). */
  openDm(userId: string): FakeChannel {
    const existing = this.#dmChannelByUser.get(userId);
    if (existing) return this.channels.get(existing)!;
    const channel: FakeChannel = { id: this.nextId(), kind: 'dm', name: null, guildId: null, recipientId: userId };
    this.channels.set(channel.id, channel);
    this.#dmChannelByUser.set(userId, channel.id);
    return channel;
  }

  dmChannelOf(userId: string): FakeChannel | undefined {
    const id = this.#dmChannelByUser.get(userId);
    return id === undefined ? undefined : this.channels.get(id);
  }

  addMessage(message: MessageRecord): void {
    this.messages.set(message.id, message);
    const list = this.#channelMessages.get(message.channelId) ?? [];
    list.push(message);
    this.#channelMessages.set(message.channelId, list);
  }

  /** Oldest first, including deleted and ephemeral ones (callers filter). */
  messagesIn(channelId: string): readonly MessageRecord[] {
    return this.#channelMessages.get(channelId) ?? [];
  }

  lastMessageId(channelId: string): string | null {
    return this.messagesIn(channelId).findLast((m) => !m.deleted && !m.ephemeral)?.id ?? null;
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Wakes `waitFor` and interaction waiters after anything observable changed. Coalesced to one
   * wake-up per event-loop turn, so a burst of calls costs each waiter one re-check.
   */
  notify(): void {
    if (this.#notifyScheduled) return;
    this.#notifyScheduled = true;
    setImmediate(() => {
      this.#notifyScheduled = false;
      for (const listener of [...this.#listeners]) listener();
    });
  }
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
