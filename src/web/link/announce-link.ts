import { refreshJoinMessage } from '../../blends/join-message.js';
import type { AppContext } from '../../context.js';
import type { OutgoingMessage } from '../../discord/outbox.js';
import { linkedDm, type LinkedSummary } from './link-messages.js';

/**
 * Tells the member and the channels. The link is already stored, so a Discord failure here is
 * logged and swallowed: it must not turn a successful link into an error page.
 */
export async function announceLink(ctx: AppContext, discordId: string, summary: LinkedSummary): Promise<void> {
  await sendDmQuietly(ctx, discordId, linkedDm(summary));
  for (const { blendId } of summary.accepted) {
    await refreshJoinMessage(ctx, blendId).catch((err: unknown) => ctx.log.warn({ err, blendId }, 'join message not refreshed'));
  }
}

export async function sendDmQuietly(ctx: AppContext, discordId: string, message: OutgoingMessage): Promise<void> {
  try {
    const sent = await ctx.discord.sendDm(discordId, message);
    if (sent.kind === 'dms_closed') ctx.log.info('member has closed DMs; the page says it instead');
  } catch (err) {
    ctx.log.warn({ err }, 'DM not sent');
  }
}
