import type { PublicBlend, PublicTrack } from '../../data/public-blend.js';
import { html, type SafeHtml } from '../views/html.js';
import { renderPublicPage } from './public-page-layout.js';

const PLATFORM = {
  spotify: { label: 'Spotify', button: 'Open in Spotify' },
  apple: { label: 'Apple Music', button: 'Open in Apple Music' },
} as const;
type Platform = keyof typeof PLATFORM;
const PLATFORMS = ['spotify', 'apple'] as const satisfies readonly Platform[];

/** Names in a sentence list this long at most, then "and N more". */
const NAMES_IN_BYLINE = 5;
/** The first rows' art is in view at once; the rest loads as the visitor scrolls. */
const EAGER_ART = 6;

const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function memberSentence(names: readonly string[]): string {
  if (names.length <= NAMES_IN_BYLINE) return listFormat.format(names);
  return listFormat.format([...names.slice(0, NAMES_IN_BYLINE), `${names.length - NAMES_IN_BYLINE} more`]);
}

const duration = (ms: number): string => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

const byline = (blend: PublicBlend): string =>
  (blend.members.length > 0 ? `A Blend by ${memberSentence(blend.members.map((m) => m.name))}` : 'A Blend');

/** The text of the unfurl card and of the meta description. */
export function describeBlend(blend: PublicBlend): string {
  const parts = [byline(blend), plural(blend.tracks.length, 'track')];
  if (blend.taste?.score !== undefined) parts.push(`${blend.taste.score}% taste match`);
  return `${parts.join(' · ')}.`;
}

/** The completed blend's page, with `url` its canonical address. */
export function renderPublicBlendPage(blend: PublicBlend, url: string): string {
  const image = blend.tracks.map((t) => t.albumArtUrl).find((art) => art?.startsWith('https:')) ?? undefined;
  return renderPublicPage({ title: `${blend.name} · a Blend`, description: describeBlend(blend), url, image }, html`
${header(blend)}
<div class="grid">
${taste(blend)}
${members(blend)}
</div>
${coverage(blend)}
${tracks(blend)}`);
}

function header(blend: PublicBlend): SafeHtml {
  const buttons = PLATFORMS.flatMap((p) => {
    const href = blend.playlists[p];
    return href ? [html`<a class="button ${p}" href="${href}" rel="noopener noreferrer">${PLATFORM[p].button}</a>`] : [];
  });
  return html`<header>
<p class="eyebrow">Blend</p>
<h1>${blend.name}</h1>
<p class="byline">${byline(blend)} · ${plural(blend.tracks.length, 'track')}${
  blend.completedAt ? html` · finished <time datetime="${blend.completedAt.toISOString()}">${dateFormat.format(blend.completedAt)}</time>` : ''}</p>
${buttons.length > 0 ? html`<nav class="actions" aria-label="Playlists">${buttons}</nav>` : html`<p class="muted">No playlist was made on a streaming service for this blend.</p>`}
</header>`;
}

function taste(blend: PublicBlend): SafeHtml {
  const t = blend.taste;
  if (!t) return html``;
  return html`<section class="card" aria-labelledby="taste">
<h2 id="taste">Taste match</h2>
${t.score !== undefined ? html`<p class="score">${t.score}%<span> in common</span></p>` : ''}
${t.reasons.length > 0 ? html`<ul class="reasons">${t.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
${t.topSharedArtists.length > 0 ? html`<p class="muted">Artists you share</p><ul class="chips">${t.topSharedArtists.map((a) => html`<li>${a}</li>`)}</ul>` : ''}
${t.unifyingTrack ? html`<p>The song that brings you together: <strong>${t.unifyingTrack.title}</strong> by ${t.unifyingTrack.artist}</p>` : ''}
${t.sharedTracks !== undefined ? html`<p class="muted">${plural(t.sharedTracks, 'track')} on more than one member's list</p>` : ''}
</section>`;
}

function members(blend: PublicBlend): SafeHtml {
  return html`<section class="card" aria-labelledby="members">
<h2 id="members">Members</h2>
<ul class="rows">${blend.members.map((m) => html`<li><span class="name">${m.name}</span><span class="count">${plural(m.contributed, 'track')}</span></li>`)}</ul>
</section>`;
}

function coverage(blend: PublicBlend): SafeHtml {
  const rows = PLATFORMS.flatMap((p) => {
    const c = blend.coverage[p];
    return c ? [html`<li><span class="name">${PLATFORM[p].label}</span><span class="count">${c.available} of ${plural(c.total, 'track')}</span></li>`] : [];
  });
  if (rows.length === 0) return html``;
  return html`<section class="card" aria-labelledby="coverage">
<h2 id="coverage">On each platform</h2>
<ul class="rows">${rows}</ul>
</section>`;
}

function tracks(blend: PublicBlend): SafeHtml {
  const platforms = PLATFORMS.filter((p) => blend.coverage[p] !== undefined || blend.playlists[p] !== null);
  return html`<section class="card" aria-labelledby="tracks">
<h2 id="tracks">Tracks</h2>
${blend.tracks.length > 0
    ? html`<ol class="tracks">${blend.tracks.map((t, i) => track(t, i, platforms))}</ol>`
    : html`<p class="muted">This blend has no tracks.</p>`}
</section>`;
}

function track(t: PublicTrack, index: number, platforms: readonly Platform[]): SafeHtml {
  const art = t.albumArtUrl
    ? html`<img class="art" src="${t.albumArtUrl}" alt="" width="56" height="56" decoding="async" loading="${index < EAGER_ART ? 'eager' : 'lazy'}">`
    : html`<span class="art" aria-hidden="true"></span>`;
  const missing = platforms.filter((p) => !t.on[p]).map((p) => html` · <span class="missing">not on ${PLATFORM[p].label}</span>`);
  return html`<li class="track">
<span class="n">${index + 1}</span>${art}
<div class="meta">
<div class="title">${t.title}</div>
<div class="sub">${t.artist}${t.album ? html` · ${t.album}` : ''}</div>
<div class="by">brought by ${t.broughtBy}${t.alsoLovedBy.length > 0 ? html` · also loved by ${memberSentence(t.alsoLovedBy)}` : ''}${missing}</div>
</div>
<span class="time">${t.durationMs ? duration(t.durationMs) : ''}</span>
</li>`;
}
