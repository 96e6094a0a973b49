import { MessageFlags, type InteractionEditReplyOptions, type InteractionReplyOptions } from 'discord.js';
import type { ButtonInteractionLike, CommandInteractionLike } from './interaction.js';

/** Nothing the bot says through an interaction pings anyone: user text may hold mentions. */
export const NO_MENTIONS = { parse: [] } as const satisfies { parse: [] };

type Extra = Omit<InteractionReplyOptions, 'content' | 'flags' | 'allowedMentions'>;

export const privateReply = (content: string, extra: Extra = {}): InteractionReplyOptions =>
  ({ ...extra, content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });

export const replyEdit = (content: string, extra: Omit<InteractionEditReplyOptions, 'content' | 'allowedMentions'> = {}): InteractionEditReplyOptions =>
  ({ ...extra, content, allowedMentions: NO_MENTIONS });

/** Acknowledge now, answer later (privately): the first thing a handler that touches the database does. */
export const deferPrivately = (interaction: CommandInteractionLike | ButtonInteractionLike): Promise<unknown> =>
  interaction.deferReply({ flags: MessageFlags.Ephemeral });

/** Answers an interaction privately in whatever state it is in (fresh, deferred or already answered). */
export async function answerPrivately(interaction: CommandInteractionLike | ButtonInteractionLike, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied) await interaction.editReply(replyEdit(content));
  else if (interaction.replied) await interaction.followUp(privateReply(content));
  else await interaction.reply(privateReply(content));
}
