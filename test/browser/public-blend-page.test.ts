import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind } from '../support/db.js';
import { DEFAULT_TRACKS, seedPublicBlend, startPublicWeb, type SeededPublicBlend } from '../web/public-blend-fixtures.js';

/** Debian's `chromium` package (.ci/run installs it); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '..', '..', 'test-artifacts');
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

let web: Awaited<ReturnType<typeof startPublicWeb>>;
let browser: Browser;
let blend: SeededPublicBlend;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser test needs Debian's chromium package `
      + '(as root: apt-get update && apt-get install -y chromium; .ci/run does this), or CHROMIUM_PATH set to a Chromium binary.');
  }
  await mkdir(ARTIFACTS, { recursive: true });
  web = await startPublicWeb();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  blend = await seedPublicBlend(web.ctx.db, { name: 'Friday Night Blend <b>not bold</b>' });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

interface Visit { readonly page: Page; readonly problems: string[]; readonly offsite: string[] }

/**
 * Opens the page in a fresh context, recording console errors, page errors, failed requests and
 * any request that would leave the test server (aborted: the page must load nothing external).
 */
async function visit(options: BrowserContextOptions, url: string): Promise<Visit> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  const offsite: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => { if (!offsite.includes(request.url())) problems.push(`request failed: ${request.url()}`); });
  await context.route('**/*', async (route) => {
    const target = route.request().url();
    if (target.startsWith(`${web.origin}/`) || target.startsWith('data:')) await route.continue();
    else {
      offsite.push(target);
      await route.abort();
    }
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { page, problems, offsite };
}

describe(`the public blend page in headless Chromium on ${databaseKind()}`, () => {
  it('shows the title, every track with its art and the playlist buttons, with no console errors and nothing loaded from elsewhere', async () => {
    const { page, problems, offsite } = await visit(DESKTOP, `${web.origin}/b/${blend.shareCode}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'public-blend-desktop.png'), fullPage: true });

    expect(await page.title()).toBe('Friday Night Blend <b>not bold</b> · a Blend');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Friday Night Blend <b>not bold</b>');
    const titles = page.locator('.track .title');
    await expect(titles.allTextContents()).resolves.toEqual(DEFAULT_TRACKS.map((t) => t.title));
    for (const title of await titles.all()) {
      await title.scrollIntoViewIfNeeded();
      expect(await title.isVisible()).toBe(true);
    }
    const artLoaded = await page.locator('img.art').evaluateAll((images) => images.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));
    expect(artLoaded).toEqual(DEFAULT_TRACKS.map(() => true));
    for (const name of ['Open in Spotify', 'Open in Apple Music']) {
      const button = page.getByRole('link', { name });
      expect(await button.isVisible()).toBe(true);
      expect(await button.getAttribute('href')).toMatch(/^https:\/\//);
    }
    expect(await page.locator('script').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(offsite).toEqual([]);
    await page.context().close();
  });

  it('holds its layout at a phone width: no horizontal scroll, buttons and track titles on screen', async () => {
    const { page, problems } = await visit(PHONE, `${web.origin}/b/${blend.shareCode}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'public-blend-phone.png'), fullPage: true });

    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    for (const name of ['Open in Spotify', 'Open in Apple Music']) {
      const box = await page.getByRole('link', { name }).boundingBox();
      expect(box).not.toBeNull();
      expect(box && box.x >= 0 && box.x + box.width <= widths.viewport && box.height >= 44).toBe(true);
    }
    const overflowing = await page.locator('main *').evaluateAll((elements, viewport) =>
      elements.filter((e) => e.getBoundingClientRect().right > viewport + 0.5).map((e) => e.outerHTML.slice(0, 80)), widths.viewport);
    expect(overflowing).toEqual([]);
    const firstTitle = await page.locator('.track .title').first().boundingBox();
    expect(firstTitle && firstTitle.width > 100).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows the 404 page for a blend that does not exist, also without console errors', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error' && !message.text().includes('404')) problems.push(message.text()); });
    const response = await page.goto(`${web.origin}/b/NOSUCHCODE`);
    expect(response?.status()).toBe(404);
    expect(await page.title()).toBe('Blend not found');
    await page.screenshot({ path: path.join(ARTIFACTS, 'public-blend-not-found.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
