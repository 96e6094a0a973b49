import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind } from '../support/db.js';
import { rawGet, seedPublicBlend, startPublicWeb } from './public-blend-fixtures.js';

let web: Awaited<ReturnType<typeof startPublicWeb>>;
beforeAll(async () => { web = await startPublicWeb(); });
afterAll(async () => { await web.close(); });

const get = (path: string) => rawGet(web.origin, path);

describe(`bad input to /b/:shareCode on ${databaseKind()}`, () => {
  it('answers 404, never 500, to random share codes, as a page and as JSON', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), fc.boolean(), async (code, asJson) => {
      const res = await get(`/b/${encodeURIComponent(code)}${asJson ? '.json' : ''}`);
      expect(res.status).toBe(404);
    }), { numRuns: 150 });
  });

  it.each([
    ['a huge code', 'A'.repeat(8_000)],
    ['a huge code of valid letters', 'ABCDEFGHJK'.repeat(700)],
    ['emoji', encodeURIComponent('🎵🎶💿🎧🎤🎼🎹🥁🎷🎺')],
    ['right-to-left text', encodeURIComponent('مزيج-موسيقي')],
    ['full-width letters', encodeURIComponent('ＡＢＣＤＥＦＧＨＪＫ')],
    ['zero-width characters inside a real-looking code', encodeURIComponent('ABCDE\u200bFGHJK')],
    ['a NUL byte', 'ABCDE%00FGHJK'],
    ['a malformed percent escape', '%E0%A4%A'],
    ['a lone surrogate', '%ED%A0%80'],
    ['an encoded path traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['SQL', encodeURIComponent("' or 1=1 --")],
    ['markup', encodeURIComponent('<script>alert(1)</script>')],
  ])('answers 404 to %s', async (_label, code) => {
    const [page, json] = [await get(`/b/${code}`), await get(`/b/${code}.json`)];
    expect([page.status, json.status]).toEqual([404, 404]);
    expect(page.body).toContain('<title>Blend not found</title>');
    expect(page.body).not.toContain('<script>');
    expect(JSON.parse(json.body)).toMatchObject({ error: 'not_found' });
  });

  it('answers a URL too long for the HTTP parser with 431, never 500', async () => {
    expect((await get(`/b/${'A'.repeat(20_000)}`)).status).toBe(431);
  });

  it('still finds a blend by its code typed in lower case or with a dash', async () => {
    const blend = await seedPublicBlend(web.ctx.db);
    const typed = `${blend.shareCode.slice(0, 5)}-${blend.shareCode.slice(5)}`.toLowerCase();
    expect((await get(`/b/${typed}`)).status).toBe(200);
  });

  it('renders HTML and <script> in blend names, titles, artists, albums, members and reasons as text', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const blend = await seedPublicBlend(web.ctx.db, {
      name: `Blend ${evil}`,
      members: [`Ada ${evil}`, 'Grace'],
      tracks: [{ title: `Title ${evil}`, artist: `Artist ${evil}`, album: `Album ${evil}`, sharedWith: [1] }],
      summary: { version: 1, taste: { score: 50, reasons: [`Reason ${evil}`], topSharedArtists: [`Shared ${evil}`], unifyingTrack: { title: evil, artist: evil } } },
    });
    const { status, body } = await get(`/b/${blend.shareCode}`);
    expect(status).toBe(200);
    expect(body).not.toMatch(/<script|<img src=x/i);
    expect(body.match(/onerror=/g)?.length).toBe(body.match(/&lt;img src=x onerror=/g)?.length);
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;';
    for (const text of [`<h1>Blend ${escaped}</h1>`, `<div class="title">Title ${escaped}</div>`, `Artist ${escaped} · Album ${escaped}`,
      `brought by Ada ${escaped}`, `<li>Reason ${escaped}</li>`, `<li>Shared ${escaped}</li>`, `<title>Blend ${escaped} · a Blend</title>`,
      `<meta property="og:title" content="Blend ${escaped} · a Blend">`]) {
      expect(body).toContain(text);
    }
    const json = await get(`/b/${blend.shareCode}.json`);
    expect(JSON.parse(json.body)).toMatchObject({ name: `Blend ${evil}` });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
