import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { BlendResult } from '../core/index.js';
import type { BlendRun } from '../data/blend-runs.js';
import type { OutgoingMessage } from '../discord/outbox.js';
import { NO_PINGS } from '../discord/outbox.js';
import type { PlaylistLinks } from './steps/playlists.js';
import type { BlendSummaryV1 } from './summary.js';

/** How many tracks the embed lists (the public page has them all). */
export const EMBED_TRACKS = 10;
const FIELD_MAX = 1024;
const PLATFORM = { spotify: 'Spotify', apple: 'Apple Music' } as const;

const clip = (text: string, max = FIELD_MAX) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const escape = (text: string) => text.replace(/([\\*_~`|>[\]()])/g, '\\$1');

export interface ResultView {
  readonly run: BlendRun;
  readonly result: BlendResult;
  readonly summary: BlendSummaryV1;
  readonly links: PlaylistLinks;
  readonly publicUrl: string;
  readonly discordIdOf: ReadonlyMap<string, string>;
}

/** The finished playlist, as posted in the blend's channel (design.md "The finished embed"). */
export function renderResult(view: ResultView): OutgoingMessage {
  const { run, result, summary } = view;
  const who = (userId: string) => { const id = view.discordIdOf.get(userId); return id ? `<@${id}>` : 'someone'; };
  const coverage = (['spotify', 'apple'] as const).flatMap((p) => {
    const c = summary.coverage[p];
    return c ? [`${PLATFORM[p]} ${c.available}/${c.total}`] : [];
  }).join(' · ');
  const tracks = result.entries.slice(0, EMBED_TRACKS)
    .map((e, i) => `${i + 1}. **${escape(e.recording.title)}** – ${escape(e.recording.artists.join(', '))} · ${who(e.contributorId)}${e.sharedBy.length > 1 ? ` (+${e.sharedBy.length - 1})` : ''}`);
  const embed: APIEmbed = {
    title: clip(`🎧 ${run.name}`, 256),
    ...(view.links.spotify ? { url: view.links.spotify } : {}),
    description: clip(`A Blend of ${summary.members.length} members · **Taste match ${summary.taste.score}/100**\n${summary.taste.reasons.map((r) => `• ${escape(r)}`).join('\n')}`, 4096),
    color: 0x1db954,
    fields: [
      { name: 'Members', value: clip(summary.members.map((m) => `${who(m.userId)}: ${m.contributed} track${m.contributed === 1 ? '' : 's'}`).join('\n') || '—') },
      { name: 'Common ground', value: clip(commonGround(result, who)) },
      { name: `First ${Math.min(EMBED_TRACKS, result.entries.length)} of ${result.entries.length} tracks`, value: clip(tracks.join('\n') || '—') },
      ...(coverage ? [{ name: 'On each platform', value: coverage }] : []),
      ...(summary.leftOut > 0 ? [{ name: 'Left out', value: `${summary.leftOut} member${summary.leftOut === 1 ? '' : 's'} could not take part this time (told by DM).` }] : []),
    ],
    footer: { text: `Share code ${run.shareCode}` },
  };
  return { content: `Your Blend **${escape(run.name)}** is ready!`, embeds: [embed], components: [buttons(view)], allowed_mentions: NO_PINGS };
}

function commonGround(result: BlendResult, who: (userId: string) => string): string {
  const { taste } = result;
  const tracks = taste.sharedTracks.slice(0, 5).map((t) => `**${escape(t.recording.title)}** (${t.sharedBy.map(who).join(', ')})`);
  const artists = taste.topSharedArtists.map((a) => escape(a.name));
  return [tracks.length > 0 ? `Tracks: ${tracks.join(', ')}` : 'No track in common yet.', artists.length > 0 ? `Artists: ${artists.join(', ')}` : ''].filter(Boolean).join('\n');
}

function buttons(view: ResultView): APIActionRowComponent<APIButtonComponent> {
  const link = (label: string, url: string): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Link, label, url });
  return {
    type: ComponentType.ActionRow,
    components: [
      ...(view.links.spotify ? [link('Open in Spotify', view.links.spotify)] : []),
      ...(view.links.apple ? [link('Apple Music (owner\'s library)', view.links.apple)] : []),
      link('Public page', view.publicUrl),
    ],
  };
}
