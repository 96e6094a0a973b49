import { bold } from '../../blends/find-blend.js';
import { leaveBlend } from '../../blends/leave-blend.js';
import type { BotContext } from '../bot-context.js';
import type { CommandInteractionLike } from '../interaction.js';
import { deferPrivately, replyEdit } from '../replies.js';
import { targetOf } from './options.js';

/** /blend leave [code:] — without a code, the newest open blend in this channel that they are in. */
export async function blendLeave(interaction: CommandInteractionLike, ctx: BotContext): Promise<void> {
  const target = targetOf(interaction, { kind: 'open' });
  await deferPrivately(interaction);
  const outcome = await leaveBlend(ctx, interaction.user.id, target);
  if (outcome.kind === 'not-a-blend') throw new Error(`leaveBlend by ${target.kind} answered not-a-blend`);
  if (outcome.kind === 'not-a-member') {
    await interaction.editReply(replyEdit(`You're not in ${bold(outcome.blend.name)}, so there is nothing to leave.`));
    return;
  }
  ctx.bot.refreshJoinMessage(outcome.blend.id);
  await interaction.editReply(replyEdit(`You left ${bold(outcome.blend.name)}. React or \`/blend join\` again if you change your mind.`));
}
