import { createHash } from 'node:crypto';

/**
 * The public pages' only stylesheet, inlined (one request, no external resources). Its SHA-256
 * is the only style the Content-Security-Policy allows, so no injected `<style>` or `style=`
 * attribute could apply even if escaping ever failed. Phone first: the track rows drop the
 * number and the duration below 30rem, and long names wrap or ellipsise instead of scrolling.
 */
export const PUBLIC_PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #f5f5f7; --card: #fff; --text: #1d1d1f; --muted: #636366; --line: #e3e3e8; --accent: #5865f2; --spotify: #1db954; --apple: #fa2d48; }
@media (prefers-color-scheme: dark) { :root { --bg: #111114; --card: #1c1c21; --text: #f2f2f7; --muted: #a1a1aa; --line: #2e2e35; } }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: clamp(1.6rem, 6vw, 2.4rem); line-height: 1.15; margin: .25rem 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
p { margin: 0 0 .5rem; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; font-weight: 600; color: var(--accent); margin: 0; }
.byline, .muted { color: var(--muted); overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1.25rem 0 1.5rem; }
.button { flex: 1 1 12rem; display: inline-flex; align-items: center; justify-content: center; min-height: 2.75rem; padding: .6rem 1.2rem; border-radius: 999px; font-weight: 650; text-decoration: none; text-align: center; }
.button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.button.spotify { background: var(--spotify); color: #000; }
.button.apple { background: var(--apple); color: #fff; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 14px; padding: 1rem 1.1rem; margin: 0 0 1rem; min-width: 0; }
.grid { display: grid; gap: 0 1rem; align-items: start; grid-template-columns: repeat(auto-fit, minmax(min(100%, 17rem), 1fr)); }
.score { font-size: 2.5rem; font-weight: 700; line-height: 1; margin: 0 0 .5rem; }
.score span { font-size: 1rem; font-weight: 500; color: var(--muted); }
.reasons { margin: .5rem 0; padding-left: 1.2rem; }
.chips { list-style: none; padding: 0; margin: .25rem 0 .5rem; display: flex; flex-wrap: wrap; gap: .4rem; }
.chips li { border: 1px solid var(--line); border-radius: 999px; padding: .1rem .65rem; font-size: .875rem; overflow-wrap: anywhere; }
.rows { list-style: none; padding: 0; margin: 0; }
.rows li { display: flex; justify-content: space-between; gap: .75rem; padding: .35rem 0; border-bottom: 1px solid var(--line); }
.rows li:last-child { border-bottom: 0; }
.rows .name { min-width: 0; overflow-wrap: anywhere; }
.rows .count { color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
.tracks { list-style: none; padding: 0; margin: 0; }
.track { display: grid; grid-template-columns: 1.75rem 3.5rem minmax(0, 1fr) auto; gap: .75rem; align-items: center; padding: .5rem 0; border-bottom: 1px solid var(--line); }
.track:last-child { border-bottom: 0; }
.track .n, .track .time { color: var(--muted); font-size: .875rem; font-variant-numeric: tabular-nums; }
.track .n { text-align: right; }
.track .art { width: 3.5rem; height: 3.5rem; border-radius: 6px; object-fit: cover; background: var(--line); display: block; }
.track .meta { min-width: 0; }
.track .title, .track .sub { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.track .by { overflow-wrap: anywhere; }
.track .title { font-weight: 600; }
.track .sub, .track .by { color: var(--muted); font-size: .875rem; }
.missing { color: var(--apple); }
footer { color: var(--muted); font-size: .8rem; text-align: center; margin-top: 2rem; }
@media (max-width: 30rem) {
  .track { grid-template-columns: 3rem minmax(0, 1fr); gap: .6rem; }
  .track .n, .track .time { display: none; }
  .track .art { width: 3rem; height: 3rem; }
  .button { flex-basis: 100%; }
}
`;

/** The CSP source that allows exactly this stylesheet. */
export const PUBLIC_PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(PUBLIC_PAGE_STYLE).digest('base64')}'`;
