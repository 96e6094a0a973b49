import { parseBlendName, parseBlendSize, parseClosesAt } from '../../blends/blend-options.js';
import { bold } from '../../blends/find-blend.js';
import { createBlendFor, postJoinMessage } from '../../blends/start-blend.js';
import type { BotContext } from '../bot-context.js';
import { JOIN_EMOJI, OPTION } from '../ids.js';
import type { CommandInteractionLike } from '../interaction.js';
import { deferPrivately, replyEdit } from '../replies.js';
import { linkFollowUp } from './link-follow-up.js';
import { guildChannel, memberOf } from './options.js';

/**
 * /blend start: posts the join message in the channel (embed, 🎧 reaction), joins the creator,
 * and answers the creator privately with the share code (and link buttons if they need them).
 */
export async function blendStart(interaction: CommandInteractionLike, ctx: BotContext): Promise<void> {
  const where = guildChannel(interaction);
  const name = parseBlendName(interaction.options.getString(OPTION.name));
  const size = parseBlendSize(interaction.options.getInteger(OPTION.size));
  const closesAt = parseClosesAt(interaction.options.getInteger(OPTION.closesIn), ctx.now());
  await deferPrivately(interaction);

  const creator = memberOf(interaction);
  const { blendId, creatorStatus } = await createBlendFor(ctx, { creator, name, size, closesAt, ...where });
  const posted = await postJoinMessage(ctx, blendId, creator.discordId);
  await ctx.bot.react(posted.channelId, posted.messageId, JOIN_EMOJI)
    .catch((err: unknown) => ctx.log.warn({ err, blendId }, 'could not add the join reaction'));
  ctx.log.info({ blendId, size, closesAt }, 'blend started');

  const started = `Started ${bold(name)}. Share code: \`${posted.shareCode}\`. Friends join by reacting ${JOIN_EMOJI} on the message above or with \`/blend join code:${posted.shareCode}\`; run \`/blend finish\` when everyone is in.`;
  if (creatorStatus === 'accepted') {
    await interaction.editReply(replyEdit(started));
    return;
  }
  const link = await linkFollowUp(ctx, creator.discordId, name);
  await interaction.editReply(replyEdit(`${started}\n${link.text}`, { components: link.components }));
}
