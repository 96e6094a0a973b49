import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { AppContext } from '../context.js';
import type { OutgoingMessage } from '../discord/outbox.js';
import type { ProviderId } from '../providers/types.js';
import { bold } from './find-blend.js';

export const PROVIDER_LABEL = { spotify: 'Spotify', apple: 'Apple Music' } as const satisfies Record<ProviderId, string>;
const PROVIDER_ORDER = ['spotify', 'apple'] as const satisfies readonly ProviderId[];

/** The `provider:` choices of /link and /unlink. */
export const PROVIDER_CHOICES = PROVIDER_ORDER.map((p) => ({ name: PROVIDER_LABEL[p], value: p }));

export const LINK_EXPIRY_NOTE = 'Links work for 15 minutes; `/link` gives you a fresh one.';

export const isProviderId = (value: string | null): value is ProviderId => value === 'spotify' || value === 'apple';

/** A link button to the signed /link URL for one provider. */
export function linkButton(ctx: AppContext, discordId: string, provider: ProviderId): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Link, label: `Link ${PROVIDER_LABEL[provider]}`, url: ctx.links.url(discordId, provider) };
}

/** One row of link buttons, for the enabled providers only; no row when none is enabled. */
export function linkButtonRows(ctx: AppContext, discordId: string): APIActionRowComponent<APIButtonComponent>[] {
  const buttons = PROVIDER_ORDER.filter((p) => ctx.providers.has(p)).map((p) => linkButton(ctx, discordId, p));
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

export function enabledProvidersText(ctx: AppContext): string {
  const names = PROVIDER_ORDER.filter((p) => ctx.providers.has(p)).map((p) => PROVIDER_LABEL[p]);
  return names.length > 0 ? names.join(' or ') : 'a music service';
}

/** The DM a member gets when they join without a linked music service. */
export function linkDm(ctx: AppContext, discordId: string, blendName: string): OutgoingMessage {
  return {
    content: `You joined the Blend ${bold(blendName)}. Link ${enabledProvidersText(ctx)} so your taste counts:\n${LINK_EXPIRY_NOTE}`,
    components: linkButtonRows(ctx, discordId),
  };
}

export type LinkNotice = 'dm' | 'channel' | 'none';

/**
 * Tells a member who joined without a linked music service how to link: a DM with link buttons,
 * or, when their DMs are closed, a short message in the blend's channel that mentions (and pings)
 * only them and points to /link.
 */
export async function sendLinkNotice(ctx: AppContext, who: { discordId: string; blendName: string; channelId: string | null }): Promise<LinkNotice> {
  const dm = await ctx.discord.sendDm(who.discordId, linkDm(ctx, who.discordId, who.blendName));
  if (dm.kind === 'sent') return 'dm';
  if (!who.channelId) return 'none';
  await ctx.discord.post(who.channelId, {
    content: `<@${who.discordId}> you joined ${bold(who.blendName)}, but I can't DM you. Run \`/link\` here to link ${enabledProvidersText(ctx)}.`,
    allowed_mentions: { parse: [], users: [who.discordId] },
  });
  return 'channel';
}
