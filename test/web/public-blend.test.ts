import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind } from '../support/db.js';
import { inlineArt, rawGet, seedPublicBlend, startPublicWeb, validSummary, type BlendSpec } from './public-blend-fixtures.js';

let web: Awaited<ReturnType<typeof startPublicWeb>>;
beforeAll(async () => { web = await startPublicWeb(); });
afterAll(async () => { await web.close(); });

const seed = (spec: BlendSpec = {}) => seedPublicBlend(web.ctx.db, spec);
const page = (code: string) => rawGet(web.origin, `/b/${code}`);
const json = async (code: string) => {
  const res = await rawGet(web.origin, `/b/${code}.json`);
  return { ...res, data: JSON.parse(res.body) as Record<string, unknown> & { tracks: Record<string, unknown>[]; members: unknown[] } };
};
const meta = (body: string, property: string) => body.match(new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`))?.[1];

describe(`GET /b/:shareCode on ${databaseKind()}`, () => {
  it('renders a completed blend: name, members, taste and its reasons, coverage, every track with art and who brought it, playlist buttons', async () => {
    const blend = await seed();
    const res = await page(blend.shareCode);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>Friday Night Blend · a Blend</title>');
    expect(res.body).toMatch(/<h1>Friday Night Blend<\/h1>/);
    expect(res.body).toContain('A Blend by Ada, Grace, and Linus · 6 tracks');
    expect(res.body).toContain('72%');
    expect(res.body).toContain('<li>You all have M83 in heavy rotation</li>');
    expect(res.body).toContain('<strong>Midnight City</strong> by M83');
    expect(res.body).toMatch(/Apple Music<\/span><span class="count">5 of 6 tracks/);
    for (const title of ['Midnight City', 'Dreams', 'Redbone', 'Motion Sickness', 'Electric Feel', 'Nights']) expect(res.body).toContain(`<div class="title">${title}</div>`);
    expect(res.body.match(/<img class="art" src="data:image\/svg\+xml;base64,/g)).toHaveLength(6);
    expect(res.body).toContain('brought by Ada · also loved by Grace and Linus');
    expect(res.body).toContain('<span class="missing">not on Apple Music</span>');
    expect(res.body).toContain('<a class="button spotify" href="https://open.spotify.com/playlist/37i9dQZF1DX0XUsuxWHRQd" rel="noopener noreferrer">Open in Spotify</a>');
    expect(res.body).toContain('<a class="button apple" href="https://music.apple.com/us/playlist/pl.u-blend" rel="noopener noreferrer">Open in Apple Music</a>');
  });

  it('unfurls in Discord: Open Graph title, description, canonical url and an https cover', async () => {
    const blend = await seed({ tracks: [{ title: 'Cover', art: 'https://i.scdn.co/image/ab67616d0000b273aaaa' }] });
    const { body } = await page(blend.shareCode.toLowerCase());
    const url = `${web.origin}/b/${blend.shareCode}`;
    expect({
      title: meta(body, 'og:title'), description: meta(body, 'og:description'), url: meta(body, 'og:url'), image: meta(body, 'og:image'),
      type: meta(body, 'og:type'), card: meta(body, 'twitter:card'), robots: meta(body, 'robots'),
    }).toEqual({
      title: 'Friday Night Blend · a Blend', description: 'A Blend by Ada, Grace, and Linus · 1 track · 72% taste match.', url,
      image: 'https://i.scdn.co/image/ab67616d0000b273aaaa', type: 'website', card: 'summary', robots: 'noindex',
    });
    expect(body).toContain(`<link rel="canonical" href="${url}">`);
  });

  it('sends a strict Content-Security-Policy: no scripts at all, only its own stylesheet, images from https or inline', async () => {
    const blend = await seed();
    const res = await page(blend.shareCode);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'none'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toMatch(/img-src https: data:(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toContain('unsafe');
    expect(res.body).not.toMatch(/<script|\son[a-z]+=|style="/i);
  });

  it('serves the same data as JSON', async () => {
    const blend = await seed();
    const res = await json(blend.shareCode);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.data).toMatchObject({
      name: 'Friday Night Blend', shareCode: blend.shareCode, url: `${web.origin}/b/${blend.shareCode}`, completedAt: '2026-11-20T18:30:00.000Z',
      members: expect.arrayContaining([{ name: 'Ada', contributed: 2 }, { name: 'Grace', contributed: 2 }, { name: 'Linus', contributed: 2 }]),
      taste: { score: 72, sharedTracks: 2, topSharedArtists: ['M83', 'Frank Ocean'], unifyingTrack: { title: 'Midnight City', artist: 'M83' } },
      coverage: { spotify: { available: 6, total: 6 }, apple: { available: 5, total: 6 } },
      playlists: { spotify: 'https://open.spotify.com/playlist/37i9dQZF1DX0XUsuxWHRQd', apple: 'https://music.apple.com/us/playlist/pl.u-blend' },
    });
    expect(res.data.tracks.map((t) => t.title)).toEqual(['Midnight City', 'Dreams', 'Redbone', 'Motion Sickness', 'Electric Feel', 'Nights']);
    expect(res.data.tracks[0]).toEqual({
      title: 'Midnight City', artist: 'M83', album: 'Hurry Up, We\'re Dreaming', albumArtUrl: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
      durationMs: 180_000, broughtBy: 'Ada', alsoLovedBy: ['Grace', 'Linus'], on: { spotify: true, apple: true },
    });
  });

  it('shows no Discord ids, emails, tokens, internal ids or worker notes in the page or the JSON', async () => {
    const blend = await seed();
    const bodies = [(await page(blend.shareCode)).body, (await json(blend.shareCode)).body];
    for (const body of bodies) {
      expect(blend.secrets.filter((secret) => body.includes(secret))).toEqual([]);
      expect(body).not.toMatch(/\b\d{17,20}\b|cdn\.discordapp\.com|@mail\.example/);
    }
  });

  it('lists only the members who were in it, not someone who left before it was built', async () => {
    const blend = await seed({ declined: ['Quitter'] });
    const { body } = await page(blend.shareCode);
    const { data } = await json(blend.shareCode);
    expect(body).not.toContain('Quitter');
    expect(data.members).toHaveLength(3);
  });

  it.each(['pending', 'processing', 'cancelled'] as const)('answers 404 for a %s blend, as a page and as JSON', async (status) => {
    const blend = await seed({ status, name: `Not yet ${status}` });
    const [html, data] = [await page(blend.shareCode), await json(blend.shareCode)];
    expect([html.status, data.status]).toEqual([404, 404]);
    expect(html.body).toContain('<title>Blend not found</title>');
    expect(html.body).not.toContain(`Not yet ${status}`);
    expect(data.data).toEqual({ error: 'not_found', message: expect.any(String) });
    expect(html.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for a well-formed code nobody has', async () => {
    expect((await page('ABCDEFGHJK')).status).toBe(404);
    expect((await json('ABCDEFGHJK')).status).toBe(404);
  });

  it('shows what is valid of a malformed summary instead of failing', async () => {
    const broken = {
      version: 1,
      taste: { score: 'high', reasons: ['Everyone loves Björk', 42, '<@123456789012345678> carried this', ''], topSharedArtists: 'Björk', unifyingTrack: { title: 'Jóga' } },
      coverage: { spotify: { available: 9, total: 3 }, apple: { available: 2, total: 3 } },
      members: 'nope',
    };
    const blend = await seed({ summary: broken, tracks: [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }] });
    const res = await page(blend.shareCode);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<li>Everyone loves Björk</li>');
    expect(res.body).not.toContain('carried this');
    expect(res.body).not.toContain('class="score"');
    expect(res.body).toMatch(/Apple Music<\/span><span class="count">2 of 3 tracks/);
    expect(res.body).not.toMatch(/Spotify<\/span><span class="count">/);
    const { data } = await json(blend.shareCode);
    expect(data.taste).toEqual({ reasons: ['Everyone loves Björk'], topSharedArtists: [] });
  });

  it.each([null, 'not json at all', { version: 99 }])('still shows a completed blend whose summary is %j, coverage counted from its tracks', async (summary) => {
    const blend = await seed({ summary, tracks: [{ title: 'Only here', apple: false }, { title: 'Everywhere' }] });
    const { status, data } = await json(blend.shareCode);
    expect(status).toBe(200);
    expect(data).toMatchObject({ taste: null, coverage: { spotify: { available: 2, total: 2 }, apple: { available: 1, total: 2 } } });
    expect((await page(blend.shareCode)).body).toContain('<div class="title">Only here</div>');
  });

  it('offers only the playlists that exist, and never a link or image that is not http(s) or inline', async () => {
    const blend = await seed({
      playlists: { spotify: 'javascript:alert(1)', apple: null },
      tracks: [{ title: 'Plain http art', art: 'http://insecure.example/a.jpg' }, { title: 'Script art', art: 'javascript:alert(1)' }, { title: 'No art', art: null }],
    });
    const res = await page(blend.shareCode);
    expect(res.body).not.toContain('class="button');
    expect(res.body).toContain('No playlist was made');
    expect(res.body).not.toMatch(/javascript:|insecure\.example/);
    expect(res.body.match(/<span class="art" aria-hidden="true"><\/span>/g)).toHaveLength(3);
  });

  it('shows a valid summary as the worker wrote it, and members by how many tracks they brought', async () => {
    const blend = await seed({ members: ['Solo', 'Duo'], tracks: [{ title: 'A', by: 1 }, { title: 'B', by: 1 }, { title: 'C', by: 0 }] });
    const { data } = await json(blend.shareCode);
    expect(data.taste).toEqual(validSummary([], [], 3).taste);
    expect(data.members).toEqual([{ name: 'Duo', contributed: 2 }, { name: 'Solo', contributed: 1 }]);
  });

  it('uses inline art from the worker as is', async () => {
    const art = inlineArt(10);
    const blend = await seed({ tracks: [{ title: 'Inline', art }] });
    expect((await json(blend.shareCode)).data.tracks[0]?.albumArtUrl).toBe(art);
  });
});
