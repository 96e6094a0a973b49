import { bold } from '../../blends/find-blend.js';
import { finishBlend } from '../../blends/finish-blend.js';
import type { BotContext } from '../bot-context.js';
import type { CommandInteractionLike } from '../interaction.js';
import { deferPrivately, replyEdit } from '../replies.js';
import { targetOf } from './options.js';

/** /blend finish [code:] — creator only: closes joining and queues the build for the worker. */
export async function blendFinish(interaction: CommandInteractionLike, ctx: BotContext): Promise<void> {
  const target = targetOf(interaction, { kind: 'open' });
  await deferPrivately(interaction);
  const blend = await finishBlend(ctx, interaction.user.id, target);
  ctx.bot.refreshJoinMessage(blend.id);
  ctx.log.info({ blendId: blend.id }, 'blend finished by its creator');
  const where = blend.channelId ? ` in <#${blend.channelId}>` : '';
  await interaction.editReply(replyEdit(`Joining ${bold(blend.name)} is closed. I'm building the playlist now and will post it${where} when it's ready.`));
}
