import type {
  InteractionDeferReplyOptions,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  InteractionUpdateOptions,
} from 'discord.js';

/**
 * The narrow ports handlers depend on: only what they use. discord.js's real interactions satisfy
 * them structurally (see test/bot/interaction-port.test.ts), so production passes the real object
 * and handler tests pass a small recording fake.
 */
export interface InteractionUser {
  readonly id: string;
  /** Global name, else username. */
  readonly displayName: string;
}

interface RepliableLike {
  readonly id: string;
  readonly user: InteractionUser;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly deferred: boolean;
  readonly replied: boolean;
  deferReply(options?: InteractionDeferReplyOptions): Promise<unknown>;
  reply(options: InteractionReplyOptions): Promise<unknown>;
  editReply(options: InteractionEditReplyOptions): Promise<unknown>;
  followUp(options: InteractionReplyOptions): Promise<unknown>;
}

export interface CommandInteractionLike extends RepliableLike {
  readonly options: {
    getString(name: string, required?: boolean): string | null;
    getInteger(name: string, required?: boolean): number | null;
    getSubcommand(required?: boolean): string | null;
  };
}

export interface ButtonInteractionLike extends RepliableLike {
  readonly customId: string;
  /** Replaces the message the button is on. */
  update(options: InteractionUpdateOptions): Promise<unknown>;
  deferUpdate(): Promise<unknown>;
}
