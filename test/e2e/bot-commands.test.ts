import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage, type FakeUser } from '../fake-discord/index.js';
import { memberField, shareCodeOf, startBlendVia, startBotHarness, type BotHarness } from '../bot/support/bot-harness.js';
import { linkMember, newestBlendBy, participants, setBlendStatus, storedConnection } from '../bot/support/members.js';

let h: BotHarness;
beforeAll(async () => { h = await startBotHarness({ extraMembers: 6 }); });
afterAll(async () => {
  await h.stop();
  expect(h.errors()).toEqual([]);
});

const blendCommand = async (user: FakeUser, subcommand: string, options: Record<string, string | number> = {}, where: { channelId?: string; dm?: boolean } = {}) => {
  const interaction = await h.discord.slashCommand({ user, name: 'blend', subcommand, options, ...where });
  return { interaction, answer: await interaction.finalReply() };
};

const publicMessages = () => h.discord.messages(h.channelId).filter((m) => !m.ephemeral).length;

describe('/blend start, through a real discord.js client', () => {
  it('posts the join message with the embed, reacts 🎧, joins the creator and answers privately', async () => {
    const alice = h.user('alice');

    const { message, answer } = await startBlendVia(h, alice, 'Friday mix', { size: 25 });

    const code = shareCodeOf(message);
    expect(renderMessage(message)).toContain('│ 🎧 Friday mix');
    expect(renderMessage(message)).toContain(`│ Started by <@${alice.id}>`);
    expect(renderMessage(message)).toContain(`react with 🎧 below, or run \`/blend join code:${code}\``);
    expect(message.embeds[0]?.fields).toContainEqual(expect.objectContaining({ name: 'Playlist size', value: '25 tracks' }));
    expect(memberField(message)).toBe(`⏳ <@${alice.id}>`);
    await h.discord.waitFor(() => h.discord.reactions(h.channelId, message.id).some((r) => r.emoji === '🎧' && r.userIds.includes(h.discord.bot.id)));
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain(`Share code: \`${code}\``);
    const blend = await newestBlendBy(h.ctx.db, alice.id);
    expect(blend).toMatchObject({ messageId: message.id, channelId: h.channelId, guildId: h.guildId, shareCode: code, size: 25 });
  });

  it('shows when joining closes when started with closes_in', async () => {
    const { message } = await startBlendVia(h, h.user('bob'), 'Timed mix', { closes_in: 30 });
    const blend = await newestBlendBy(h.ctx.db, h.user('bob').id);
    expect(blend?.closesAt).not.toBeNull();
    expect(message.embeds[0]?.fields).toContainEqual(expect.objectContaining({ name: 'Joining closes', value: `<t:${Math.floor(blend!.closesAt!.getTime() / 1000)}:R>` }));
  });

  it.each([
    ['an empty name', '', /Give the Blend a name/],
    ['a blank name', '    ', /Give the Blend a name/],
    ['a name over 100 characters', 'a'.repeat(101), /at most 100 characters/],
    ['a name with @everyone', 'Party @everyone', /can't contain @everyone or @here/],
  ])('answers %s privately and posts nothing', async (_what, name, message) => {
    const before = publicMessages();
    const { interaction, answer } = await blendCommand(h.user('carol'), 'start', { name });
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toMatch(message);
    expect(interaction.responseType).toBe(4);
    expect(publicMessages()).toBe(before);
  });

  it('refuses blend commands in DMs', async () => {
    const { answer } = await blendCommand(h.user('carol'), 'start', { name: 'In a DM' }, { dm: true });
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toMatch(/run `\/blend` commands in a channel of your server, not in DMs/);
  });
});

describe('/blend join and /blend leave', () => {
  it('joins by share code, DMs an unlinked member and lists them on the join message', async () => {
    const { message } = await startBlendVia(h, h.user('alice'), 'Join by code');
    const dave = h.user('dave');

    const { answer } = await blendCommand(dave, 'join', { code: shareCodeOf(message) });

    expect(answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/You joined \*\*Join by code\*\*.*sent you a DM/) });
    expect(renderMessage(h.discord.dms(dave.id).at(-1)!)).toMatch(/Join by code[\s\S]*\[Link Spotify ↗ .*\/link\/spotify\?t=/);
    await h.discord.waitFor(() => memberField(message).includes(`<@${dave.id}>`));
  });

  it('answers an unknown share code clearly', async () => {
    const { answer } = await blendCommand(h.user('dave'), 'join', { code: 'QQQQQQQQQQ' });
    expect(answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/No open Blend has the code `QQQQQQQQQQ`/) });
  });

  it('says a completed blend is already finished', async () => {
    const alice = h.user('alice');
    const { message } = await startBlendVia(h, alice, 'Done already');
    await setBlendStatus(h.ctx.db, (await newestBlendBy(h.ctx.db, alice.id))!.id, 'completed');

    const { answer } = await blendCommand(h.user('erin'), 'join', { code: shareCodeOf(message) });

    expect(answer.content).toMatch(/\*\*Done already\*\* is already finished, so it can't be joined/);
  });

  it('leaves by code, and without a code leaves the newest open blend here that they are in', async () => {
    const alice = h.user('alice');
    const erin = h.user('erin');
    const { message: first } = await startBlendVia(h, alice, 'Leave one', {}, h.otherChannelId);
    const { message: second } = await startBlendVia(h, alice, 'Leave two', {}, h.otherChannelId);
    await blendCommand(erin, 'join', { code: shareCodeOf(first) });
    await blendCommand(erin, 'join', { code: shareCodeOf(second) });

    const byCode = await blendCommand(erin, 'leave', { code: shareCodeOf(first) });
    const here = await blendCommand(erin, 'leave', {}, { channelId: h.otherChannelId });

    expect(byCode.answer.content).toMatch(/You left \*\*Leave one\*\*/);
    expect(here.answer.content).toMatch(/You left \*\*Leave two\*\*/);
    await h.discord.waitFor(() => !memberField(second).includes(erin.id) && !memberField(first).includes(erin.id));
  });
});

describe('/blend status and /blend finish', () => {
  it('shows members, who still has to link and the state', async () => {
    const alice = h.user('alice');
    await linkMember(h.ctx.db, h.user('member-1').id);
    const { message } = await startBlendVia(h, alice, 'Status check');
    await blendCommand(h.user('member-1'), 'join', { code: shareCodeOf(message) });

    const { answer } = await blendCommand(h.user('member-2'), 'status', { code: shareCodeOf(message) });

    const text = renderMessage(answer);
    expect(answer.ephemeral).toBe(true);
    expect(text).toContain('🎧 Status check');
    expect(text).toContain(`✅ <@${h.user('member-1').id}>`);
    expect(text).toContain(`Still has to link: <@${alice.id}>`);
    expect(text).toContain('— Open: react to join');
  });

  it('refuses to finish someone else\'s blend', async () => {
    const { message } = await startBlendVia(h, h.user('alice'), 'Not yours');
    const { answer } = await blendCommand(h.user('bob'), 'finish', { code: shareCodeOf(message) });
    expect(answer).toMatchObject({ ephemeral: true, content: 'Only the person who started **Not yours** can finish it.' });
  });

  it('refuses to finish with fewer than two linked members', async () => {
    const alice = h.user('alice');
    const { message } = await startBlendVia(h, alice, 'Too few');
    await blendCommand(h.user('member-3'), 'join', { code: shareCodeOf(message) });

    const { answer } = await blendCommand(alice, 'finish', { code: shareCodeOf(message) });

    expect(answer.content).toMatch(/needs at least 2 members who linked a music service before it can be built; it has 0/);
    expect((await newestBlendBy(h.ctx.db, alice.id))?.status).toBe('pending');
  });

  it('finishes with two linked members: processing, and the join message says joining has closed', async () => {
    const creator = h.user('member-4');
    await linkMember(h.ctx.db, creator.id);
    await linkMember(h.ctx.db, h.user('member-5').id, 'apple');
    const { message } = await startBlendVia(h, creator, 'Ready to build');
    await h.discord.react({ user: h.user('member-5'), messageId: message.id, emoji: '🎧' });
    const blend = (await newestBlendBy(h.ctx.db, creator.id))!;
    await h.discord.waitFor(async () => (await participants(h.ctx.db, blend.id))[h.user('member-5').id] === 'accepted');

    const { answer } = await blendCommand(creator, 'finish');

    expect(answer.content).toMatch(/Joining \*\*Ready to build\*\* is closed/);
    expect((await newestBlendBy(h.ctx.db, creator.id))?.status).toBe('processing');
    await h.discord.waitFor(() => message.content === 'Joining has closed: the playlist is being built.');
  });
});

describe('/link and /unlink', () => {
  it('/link answers privately with a link button to the signed link URL', async () => {
    const bob = h.user('bob');
    const interaction = await h.discord.slashCommand({ user: bob, name: 'link', options: { provider: 'apple' } });
    const answer = await interaction.finalReply();
    expect(answer.ephemeral).toBe(true);
    const url = /\[Link Apple Music ↗ (\S+)\]/.exec(renderMessage(answer))?.[1];
    expect(h.ctx.links.verify('link', new URL(url!).searchParams.get('t')!)).toMatchObject({ ok: true, claims: { discordId: bob.id, provider: 'apple' } });
  });

  it('/unlink asks to confirm, then deletes the connection and its cached tracks', async () => {
    const carol = h.user('carol');
    await linkMember(h.ctx.db, carol.id, 'spotify');
    const ask = await h.discord.slashCommand({ user: carol, name: 'unlink', options: { provider: 'spotify' } });
    const prompt = await ask.finalReply();
    expect(renderMessage(prompt)).toContain('[Unlink Spotify] [Keep it]');
    expect(await storedConnection(h.ctx.db, carol.id, 'spotify')).toEqual({ connections: 1, topTracks: 1 });

    const click = await h.discord.clickButton({ user: carol, customId: 'unlink-confirm:spotify', messageId: prompt.id });
    await click.response();

    await h.discord.waitFor(() => prompt.content.includes('Spotify is unlinked'));
    expect(prompt.components).toEqual([]);
    expect(await storedConnection(h.ctx.db, carol.id, 'spotify')).toEqual({ connections: 0, topTracks: 0 });
  });
});

describe('/unlink, cancelled', () => {
  it('keeps the connection when the member chooses "Keep it"', async () => {
    const dave = h.user('dave');
    await linkMember(h.ctx.db, dave.id, 'apple');
    const prompt = await (await h.discord.slashCommand({ user: dave, name: 'unlink', options: { provider: 'apple' } })).finalReply();

    await (await h.discord.clickButton({ user: dave, customId: 'unlink-cancel', messageId: prompt.id })).response();

    await h.discord.waitFor(() => prompt.content.startsWith('Kept your connection'));
    expect(await storedConnection(h.ctx.db, dave.id, 'apple')).toEqual({ connections: 1, topTracks: 1 });
  });
});

describe('every interaction', () => {
  it('was acknowledged well inside 3 s and never pinged anyone', () => {
    const interactions = h.discord.interactions;
    expect(interactions.length).toBeGreaterThan(15);
    for (const interaction of interactions) {
      const first = interaction.callbacks[0];
      expect(first?.accepted, interaction.describe()).toBe(true);
      expect(first!.latencyMs, interaction.describe()).toBeLessThan(1_000);
    }
    const sent = h.discord.calls.filter((c) => c.route?.startsWith('POST /interactions') || c.route?.startsWith('PATCH /webhooks') || c.route === 'POST /channels/:channelId/messages');
    for (const call of sent) {
      const body = call.body as { data?: { allowed_mentions?: unknown; content?: string }; allowed_mentions?: unknown; content?: string };
      const withText = body.data ?? body;
      if (withText.content) expect(withText.allowed_mentions, `${call.method} ${call.path}`).toMatchObject({ parse: [] });
    }
  });
});
