import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { BlendMember, BlendView } from '../data/blends.js';
import { JOIN_EMOJI } from '../bot/ids.js';

/** Discord's limit for one embed field value. */
const FIELD_VALUE_MAX = 1024;

export const STATE_LABEL = {
  pending: 'Open: react to join',
  processing: 'Joining closed: building the playlist',
  completed: 'Finished',
  cancelled: 'Cancelled',
} as const satisfies Record<BlendView['status'], string>;

const COLOR = { pending: 0x1db954, processing: 0xf5a623, completed: 0x5865f2, cancelled: 0x99aab5 } as const satisfies Record<BlendView['status'], number>;

export const mention = (discordId: string): string => `<@${discordId}>`;

/** `<t:…:R>`: every reader sees it in their own time zone, relative ("in 20 minutes"). */
export const relativeTime = (at: Date): string => `<t:${Math.floor(at.getTime() / 1000)}:R>`;

const memberLine = (m: BlendMember): string => `${m.status === 'accepted' ? '✅' : '⏳'} ${mention(m.discordId)}`;

/** Joins items with `separator` while they fit in `max` characters, then ends with "…and N more". */
export function fitList(items: readonly string[], separator: string, max = FIELD_VALUE_MAX): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, item] of items.entries()) {
    const left = items.length - i;
    const reserve = left > 1 ? separator.length + `…and ${left - 1} more`.length : 0;
    if (used + (kept.length > 0 ? separator.length : 0) + item.length + reserve > max) {
      kept.push(`…and ${left} more`);
      break;
    }
    kept.push(item);
    used += (kept.length > 1 ? separator.length : 0) + item.length;
  }
  return kept.join(separator);
}

/** One line per member (✅ linked, ⏳ still has to link), within one embed field. */
export function memberList(members: readonly BlendMember[]): string {
  return members.length === 0 ? 'Nobody yet.' : fitList(members.map(memberLine), '\n');
}

/** A blend's name in bold, safe from the name's own markdown. */
export const bold = (name: string): string => `**${escapeMarkdown(name)}**`;

function howToJoin(view: BlendView): string {
  if (view.status !== 'pending') return '';
  return `**How to join:** react with ${JOIN_EMOJI} below, or run \`/blend join code:${view.shareCode}\`. `
    + 'If you have not linked Spotify or Apple Music yet, I will DM you a link.';
}

/** The blend as an embed: name, creator, how to join, share code, state and the member list. */
export function blendEmbed(view: BlendView, extraFields: readonly APIEmbedField[] = []): APIEmbed {
  const accepted = view.members.filter((m) => m.status === 'accepted').length;
  const fields: APIEmbedField[] = [
    { name: 'Share code', value: `\`${view.shareCode}\``, inline: true },
    { name: 'Playlist size', value: `${view.size} tracks`, inline: true },
    ...(view.closesAt && view.status === 'pending' ? [{ name: 'Joining closes', value: relativeTime(view.closesAt), inline: true }] : []),
    { name: `Members (${view.members.length}, ${accepted} linked; ⏳ = still has to link)`, value: memberList(view.members) },
    ...extraFields,
  ];
  return {
    title: `${JOIN_EMOJI} ${view.name}`,
    description: [`Started by ${mention(view.creatorDiscordId)}`, howToJoin(view)].filter(Boolean).join('\n\n'),
    color: COLOR[view.status],
    fields,
    footer: { text: STATE_LABEL[view.status] },
  };
}
