import { MessageFlags, type InteractionEditReplyOptions, type InteractionReplyOptions, type InteractionUpdateOptions } from 'discord.js';
import type { ButtonInteractionLike, CommandInteractionLike, InteractionUser } from '../../../src/bot/interaction.js';

/** What a handler sent through the interaction, as the user would see it. */
export interface Sent {
  readonly kind: 'defer' | 'reply' | 'edit' | 'followUp' | 'update' | 'deferUpdate';
  readonly content: string;
  readonly ephemeral: boolean;
  readonly embeds: readonly unknown[];
  readonly components: readonly unknown[];
  readonly allowedMentions: unknown;
}

type AnyOptions = InteractionReplyOptions | InteractionEditReplyOptions | InteractionUpdateOptions;

const isEphemeral = (flags: unknown): boolean => typeof flags === 'number' && (flags & MessageFlags.Ephemeral) !== 0;

let nextId = 1;

/** A recording stand-in for a discord.js interaction, for handler tests. */
abstract class RecordingInteraction {
  readonly id = `interaction-${nextId++}`;
  deferred = false;
  replied = false;
  private deferredEphemeral = false;
  readonly sent: Sent[] = [];

  constructor(
    readonly user: InteractionUser,
    readonly guildId: string | null,
    readonly channelId: string | null,
  ) {}

  /** The last visible answer. */
  get answer(): Sent | undefined {
    return this.sent.filter((s) => s.kind !== 'defer' && s.kind !== 'deferUpdate').at(-1);
  }

  protected record(kind: Sent['kind'], o: AnyOptions, ephemeral: boolean): void {
    this.sent.push({
      kind, ephemeral, content: o.content ?? '', embeds: o.embeds ?? [], components: o.components ?? [], allowedMentions: o.allowedMentions,
    });
  }

  async deferReply(o: { flags?: unknown } = {}) {
    this.assertFresh();
    this.deferred = true;
    this.deferredEphemeral = isEphemeral(o.flags);
    this.sent.push({ kind: 'defer', content: '', ephemeral: this.deferredEphemeral, embeds: [], components: [], allowedMentions: undefined });
  }
  async reply(o: InteractionReplyOptions) {
    this.assertFresh();
    this.replied = true;
    this.record('reply', o, isEphemeral(o.flags));
  }
  async editReply(o: InteractionEditReplyOptions) {
    if (!this.deferred && !this.replied) throw new Error('editReply before the interaction was acknowledged');
    this.replied = true;
    this.record('edit', o, this.deferredEphemeral);
  }
  async followUp(o: InteractionReplyOptions) {
    if (!this.deferred && !this.replied) throw new Error('followUp before the interaction was acknowledged');
    this.record('followUp', o, isEphemeral(o.flags));
  }

  /** Discord refuses a second initial response (40060); so does this fake. */
  protected assertFresh(): void {
    if (this.deferred || this.replied) throw new Error('interaction already acknowledged');
  }
}

export class FakeCommandInteraction extends RecordingInteraction implements CommandInteractionLike {
  readonly options: CommandInteractionLike['options'];

  constructor(user: InteractionUser, args: { subcommand?: string; options?: Record<string, string | number> } = {}, where: { guildId?: string | null; channelId?: string | null } = {}) {
    super(user, where.guildId === undefined ? 'guild-1' : where.guildId, where.channelId === undefined ? 'channel-1' : where.channelId);
    const values = args.options ?? {};
    this.options = {
      getString: (name: string) => (typeof values[name] === 'string' ? values[name] : null),
      getInteger: (name: string) => (typeof values[name] === 'number' ? values[name] : null),
      getSubcommand: () => args.subcommand ?? null,
    };
  }
}

export class FakeButtonInteraction extends RecordingInteraction implements ButtonInteractionLike {
  constructor(user: InteractionUser, readonly customId: string, where: { guildId?: string | null; channelId?: string | null } = {}) {
    super(user, where.guildId ?? 'guild-1', where.channelId ?? 'channel-1');
  }
  async update(o: InteractionUpdateOptions) {
    this.assertFresh();
    this.replied = true;
    this.record('update', o, true);
  }
  async deferUpdate() {
    this.assertFresh();
    this.deferred = true;
    this.sent.push({ kind: 'deferUpdate', content: '', ephemeral: true, embeds: [], components: [], allowedMentions: undefined });
  }
}
