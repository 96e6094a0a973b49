import { bold } from '../../blends/find-blend.js';
import { joinBlend } from '../../blends/join-blend.js';
import type { BotContext } from '../bot-context.js';
import type { CommandInteractionLike } from '../interaction.js';
import { deferPrivately, replyEdit } from '../replies.js';
import { linkFollowUp } from './link-follow-up.js';
import { memberOf, targetOf } from './options.js';

/** /blend join code: — the same join a 🎧 reaction makes, answered privately. */
export async function blendJoin(interaction: CommandInteractionLike, ctx: BotContext): Promise<void> {
  const target = targetOf(interaction, { kind: 'open' });
  await deferPrivately(interaction);
  const outcome = await joinBlend(ctx, memberOf(interaction), target);
  if (outcome.kind !== 'joined') throw new Error(`joinBlend by ${target.kind} answered ${outcome.kind}`);
  const { blend, status, changed } = outcome;
  if (changed) ctx.bot.refreshJoinMessage(blend.id);

  const headline = changed ? `You joined ${bold(blend.name)}.` : `You're already in ${bold(blend.name)}.`;
  if (status === 'accepted') {
    await interaction.editReply(replyEdit(`${headline} Your linked music service will be used.`));
    return;
  }
  const link = await linkFollowUp(ctx, interaction.user.id, blend.name);
  await interaction.editReply(replyEdit(`${headline} ${link.text}`, { components: link.components }));
}
