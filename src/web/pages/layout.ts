import type { Response } from 'express';
import { html, trustedHtml, type SafeHtml } from '../views/html.js';

export interface Page {
  readonly title: string;
  readonly body: SafeHtml;
  /** Only pages that run a script pass the request's CSP nonce. */
  readonly scripts?: SafeHtml;
}

const STYLE = trustedHtml(`
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f6f8; color: #1d1d1f; }
  main { max-width: 34rem; margin: 12vh auto; padding: 2rem; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  button { font: inherit; padding: .6rem 1.2rem; border-radius: 8px; border: 0; background: #fa2d48; color: #fff; cursor: pointer; }
  button:disabled { opacity: .5; cursor: default; }
  .muted { color: #6e6e73; font-size: .9rem; }
`);

/** The one page layout: link pages, the MusicKit page and the error page all use it. */
export function renderPage(page: Page): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Blend Bot</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${page.title}</h1>
${page.body}
</main>
${page.scripts}
</body>
</html>
`.value;
}

/** Sends a page. Link and callback pages carry tokens in their URLs or bodies: never cached. */
export function sendPage(res: Response, status: number, page: Page): void {
  res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(renderPage(page));
}
