import { loadStatus, renderStatus } from '../../blends/blend-status.js';
import type { BotContext } from '../bot-context.js';
import type { CommandInteractionLike } from '../interaction.js';
import { deferPrivately, replyEdit } from '../replies.js';
import { targetOf } from './options.js';

/** /blend status [code:] — members, who still has to link, the state and when joining closes. */
export async function blendStatus(interaction: CommandInteractionLike, ctx: BotContext): Promise<void> {
  const target = targetOf(interaction, { kind: 'any' });
  await deferPrivately(interaction);
  const view = await loadStatus(ctx, interaction.user.id, target);
  await interaction.editReply(replyEdit('', { embeds: [renderStatus(view)] }));
}
