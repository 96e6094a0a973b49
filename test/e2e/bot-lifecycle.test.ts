import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../fake-discord/index.js';
import { memberField, startBlendVia, startBotHarness, type BotHarness } from '../bot/support/bot-harness.js';
import { newestBlendBy, participants } from '../bot/support/members.js';

let h: BotHarness;
beforeAll(async () => { h = await startBotHarness({ providers: ['spotify'] }); });
afterAll(async () => {
  await h.stop();
  expect(h.errors()).toEqual([]);
});

const joined = (blendId: string, discordId: string) =>
  h.discord.waitFor(async () => (await participants(h.ctx.db, blendId))[discordId] === 'pending', { description: `${discordId} joined` });

describe('the bot role against a Discord-compatible server', () => {
  it('finds the gateway through GET /gateway/bot on DISCORD_API_BASE, with its token', () => {
    const discovery = h.discord.calls.find((c) => c.route === 'GET /gateway/bot');
    expect(discovery).toMatchObject({ status: 200, token: 'harness-bot-token' });
    expect(h.discord.gateway).toMatchObject({ identifies: 1, readySessions: 1 });
  });

  it('handles a reaction on a join message it never cached, after a restart', async () => {
    const alice = h.user('alice');
    const { message } = await startBlendVia(h, alice, 'Before the restart');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;

    await h.restartBot();
    await h.discord.react({ user: h.user('bob'), messageId: message.id, emoji: '🎧' });

    await joined(blend.id, h.user('bob').id);
    await h.discord.waitFor(() => memberField(message).includes(h.user('bob').id));
  });

  it('flushes a pending join-message edit when it stops', async () => {
    const alice = h.user('alice');
    const carol = h.user('carol');
    const { message } = await startBlendVia(h, alice, 'Flushed on stop');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;
    await h.restartBot({ quietMs: 60_000, maxDelayMs: 60_000 });
    await h.discord.react({ user: carol, messageId: message.id, emoji: '🎧' });
    await joined(blend.id, carol.id);
    expect(memberField(message)).not.toContain(carol.id);

    await h.stopBot();

    expect(memberField(message)).toContain(carol.id);
    await h.restartBot();
  });

  it('offers only the enabled music services: a Spotify-only bot DMs no Apple Music button', async () => {
    const { message } = await startBlendVia(h, h.user('alice'), 'Spotify only');
    const dave = h.user('dave');

    await h.discord.react({ user: dave, messageId: message.id, emoji: '🎧' });

    const dm = await h.discord.waitFor(() => h.discord.dms(dave.id).find((m) => m.content.includes('Spotify only')));
    expect(renderMessage(dm)).toMatch(/\[Link Spotify ↗ [^\]]+\]$/m);
    expect(renderMessage(dm)).not.toContain('Apple Music ↗');
  });

  it('says a music service that is not enabled is turned off when someone runs /link for it', async () => {
    const interaction = await h.discord.slashCommand({ user: h.user('erin'), name: 'link', options: { provider: 'apple' } });
    const answer = await interaction.finalReply();
    expect(answer).toMatchObject({ ephemeral: true, content: 'Apple Music linking is turned off on this bot.' });
  });
});
