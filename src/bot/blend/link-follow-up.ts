import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';
import { enabledProvidersText, LINK_EXPIRY_NOTE, linkButtonRows, linkDm } from '../../blends/link-prompt.js';
import type { AppContext } from '../../context.js';

/**
 * For a member who joined by command without a linked service: a DM with link buttons (it stays
 * in their DMs), and when their DMs are closed, the buttons in the private reply instead.
 */
export async function linkFollowUp(ctx: AppContext, discordId: string, blendName: string): Promise<{ text: string; components: APIActionRowComponent<APIButtonComponent>[] }> {
  const dm = await ctx.discord.sendDm(discordId, linkDm(ctx, discordId, blendName));
  if (dm.kind === 'sent') return { text: `Link ${enabledProvidersText(ctx)} to be counted: I sent you a DM with the link.`, components: [] };
  return { text: `Link ${enabledProvidersText(ctx)} to be counted (I can't DM you, so here it is). ${LINK_EXPIRY_NOTE}`, components: linkButtonRows(ctx, discordId) };
}
