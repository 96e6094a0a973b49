import { processDueBlends } from '../../src/worker/process-due-blends.js';
import { renderMessage } from '../fake-discord/index.js';
import type { FakeMessage } from '../fake-discord/types.js';
import { TestBrowser } from '../web/support/browser.js';
import { CAST, type CastMember, type World } from './world.js';

export interface ScenarioResult {
  readonly shareCode: string;
  readonly publicUrl: string;
  readonly result: FakeMessage;
  readonly joinMessageId: string;
}

export interface ScenarioOptions {
  /** Where each step is told ("say"), and each Discord message shown ("show"). */
  readonly say: (line: string) => void;
  /** Let the world's cron worker build the blend (demo), or run one tick here (test). */
  readonly workerRuns: 'cron' | 'tick';
  readonly blendName?: string;
}

const linkUrl = (message: FakeMessage | undefined, provider: string): string | undefined =>
  JSON.stringify(message?.components ?? []).match(new RegExp(`"url":"([^"]*/link/${provider}\\?t=[^"]+)"`))?.[1];

/**
 * The scripted blend: Ana starts it, Ben, Cleo and Dev react to join (Dev's DMs are closed),
 * everyone links through the real web routes (Ana and Ben Spotify, Cleo and Dev Apple Music),
 * Ana finishes it, the worker builds it, and the finished embed and the public page appear.
 */
export async function playBlend(world: World, options: ScenarioOptions): Promise<ScenarioResult> {
  const { discord } = world;
  const say = options.say;
  const show = (who: string, message: FakeMessage) => say(`\n${who}\n${indent(readable(world, renderMessage(message)))}`);
  const [ana, ben, cleo, dev] = CAST;
  const name = options.blendName ?? 'Friday Night Blend';

  say(`Ana runs /blend start name:"${name}" size:20 in #music`);
  const start = await discord.slashCommand({ user: world.user(ana), name: 'blend', subcommand: 'start', options: { name, size: 20 } });
  show('The bot answers Ana (only she sees this):', await start.finalReply());
  const joinMessage = await discord.waitFor(() => discord.messages(world.channelId).find((m) => !m.ephemeral && JSON.stringify(m.embeds).includes(name)), { description: 'the join message' });
  show('The bot posts in #music:', joinMessage);

  for (const member of [ben, cleo, dev]) {
    say(`\n${member.globalName} reacts 🎧 on the join message`);
    await discord.react({ user: world.user(member), messageId: joinMessage.id, channelId: world.channelId, emoji: '🎧' });
  }
  const notice = await discord.waitFor(() => discord.messages(world.channelId).find((m) => m.content.includes(world.user(dev).id)), { description: 'the DMs-closed notice for Dev' });
  show('Dev has closed their DMs, so the bot says so in #music:', notice);

  for (const member of [ana, ben, cleo, dev]) await link(world, member, say, show);

  say('\nAna runs /blend finish');
  const finish = await discord.slashCommand({ user: world.user(ana), name: 'blend', subcommand: 'finish' });
  show('The bot answers Ana:', await finish.finalReply());

  if (options.workerRuns === 'tick') await processDueBlends(world.ctx);
  else say('\nThe worker picks the blend up on its next tick…');
  const result = await discord.waitFor(() => discord.messages(world.channelId).find((m) => !m.ephemeral && m.content.includes('is ready')), { timeoutMs: 30_000, description: 'the finished blend' });
  show('The worker posts the finished Blend in #music:', result);
  const finalJoin = discord.message(world.channelId, joinMessage.id);
  if (finalJoin) show('The join message now reads:', finalJoin);
  const shareCode = /Share code ([2-9A-Z]{10})/.exec(JSON.stringify(result.embeds))?.[1] ?? '';
  const publicUrl = `${world.webOrigin}/b/${shareCode}`;
  say(`\nThe public page: ${publicUrl}`);
  return { shareCode, publicUrl, result, joinMessageId: joinMessage.id };
}

async function link(world: World, member: CastMember, say: (line: string) => void, show: (who: string, m: FakeMessage) => void): Promise<void> {
  const { discord } = world;
  const user = world.user(member);
  let url = linkUrl(discord.dms(user.id).at(-1), member.provider);
  if (url) {
    show(`${member.globalName}'s DM from the bot:`, discord.dms(user.id).at(-1) as FakeMessage);
  } else {
    say(`\n${member.globalName} runs /link provider:${member.provider}`);
    const reply = await (await discord.slashCommand({ user, name: 'link', options: { provider: member.provider } })).finalReply();
    show(`The bot answers ${member.globalName} (only they see this):`, reply);
    url = linkUrl(reply, member.provider);
  }
  if (!url) throw new Error(`no ${member.provider} link for ${member.globalName}`);
  const browser = new TestBrowser(world.webOrigin);
  if (member.provider === 'spotify') await linkSpotify(world, browser, url, member.sim);
  else await linkApple(world, browser, url, member.sim);
  say(`${member.globalName} opens the link and signs in to ${member.provider === 'spotify' ? 'Spotify' : 'Apple Music'}: linked.`);
  const confirmation = await discord.waitFor(() => discord.dms(user.id).find((m) => m.content.startsWith('Linked')) ?? (member === CAST[3] ? true : undefined), { description: `${member.globalName}'s confirmation` });
  if (confirmation !== true) show(`${member.globalName}'s DM from the bot:`, confirmation);
}

/** Our /link redirect → the simulated Spotify consent (signed in as `sim`) → our callback. */
async function linkSpotify(world: World, browser: TestBrowser, url: string, sim: string): Promise<void> {
  const start = await browser.get(url);
  const authorize = new URL(start.headers.get('location') ?? '');
  authorize.searchParams.set('sim_user', sim);
  const consent = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(consent.headers.get('location') ?? '');
  const done = await browser.get(`${callback.pathname}${callback.search}`);
  if (done.status !== 303) throw new Error(`Spotify callback answered ${done.status}: ${await done.text()}`);
}

/** The MusicKit page, then the form post MusicKit JS makes after `authorize()`. */
async function linkApple(world: World, browser: TestBrowser, url: string, sim: string): Promise<void> {
  const page = await (await browser.get(url)).text();
  const state = /name="state" value="([^"]+)"/.exec(page)?.[1];
  if (!state) throw new Error('the MusicKit page carries no state');
  const done = await browser.postForm('/callback/apple', { state, musicUserToken: world.providers.apple.userToken(sim) });
  if (done.status !== 303) throw new Error(`Apple callback answered ${done.status}: ${await done.text()}`);
}

/** Mentions as names, and signed link tokens shortened: for a person reading the transcript. */
function readable(world: World, text: string): string {
  const name = (id: string) => { try { const u = world.discord.user(id); return u.globalName ?? u.username; } catch { return id; } };
  return text
    .replace(/<@!?(\d+)>/g, (_, id: string) => `@${name(id)}`)
    .replace(/<#(\d+)>/g, (_, id: string) => (id === world.channelId ? '#music' : `#${id}`))
    .replace(/\?t=[\w.-]{20,}/g, '?t=…');
}

const indent = (text: string) => text.split('\n').map((line) => `    ${line}`).join('\n');
