import { UserFacingError } from '../../errors.js';
import type { ChannelBlendFilter } from '../../data/blends.js';
import { parseShareCode, type BlendTarget } from '../../blends/find-blend.js';
import type { Member } from '../../blends/join-blend.js';
import { OPTION } from '../ids.js';
import type { CommandInteractionLike } from '../interaction.js';

/** Where a /blend command runs: blends live in server channels. */
export function guildChannel(interaction: CommandInteractionLike): { guildId: string; channelId: string } {
  if (!interaction.guildId || !interaction.channelId) {
    throw new UserFacingError('Blends live in server channels: run `/blend` commands in a channel of your server, not in DMs.');
  }
  return { guildId: interaction.guildId, channelId: interaction.channelId };
}

export const memberOf = (interaction: CommandInteractionLike): Member =>
  ({ discordId: interaction.user.id, displayName: interaction.user.displayName });

/** `code:` when given, else the newest blend in this channel matching `filter`. */
export function targetOf(interaction: CommandInteractionLike, filter: ChannelBlendFilter): BlendTarget {
  const code = interaction.options.getString(OPTION.code);
  if (code !== null) return { kind: 'code', code: parseShareCode(code) };
  return { kind: 'channel', channelId: guildChannel(interaction).channelId, filter };
}
