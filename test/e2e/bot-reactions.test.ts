import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshJoinMessage } from '../../src/blends/join-message.js';
import { renderMessage } from '../fake-discord/index.js';
import { joinMessage, memberField, shareCodeOf, startBlendVia, startBotHarness, type BotHarness } from '../bot/support/bot-harness.js';
import { acceptPending, linkMember, newestBlendBy, participants } from '../bot/support/members.js';

let h: BotHarness;
beforeAll(async () => { h = await startBotHarness({ extraMembers: 50 }); });
afterAll(async () => {
  await h.stop();
  expect(h.errors()).toEqual([]);
});

/** Gives events dispatched before a checkpoint time to be handled (for asserting that nothing happened). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

const statusOf = (blendId: string, discordId: string) => () => participants(h.ctx.db, blendId).then((p) => p[discordId]);
const waitForStatus = (blendId: string, discordId: string, status: string) =>
  h.discord.waitFor(async () => (await statusOf(blendId, discordId)()) === status, { description: `${discordId} ${status}`, intervalMs: 20 });

describe('joining by reaction, through a real discord.js client', () => {
  it('joins an unlinked member as pending, DMs them link buttons and lists them on the join message', async () => {
    const alice = h.user('alice');
    const bob = h.user('bob');
    const { message } = await startBlendVia(h, alice, 'Reaction mix');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;

    await h.discord.react({ user: bob, messageId: message.id, emoji: '🎧' });

    await waitForStatus(blend.id, bob.id, 'pending');
    const dm = await h.discord.waitFor(() => h.discord.dms(bob.id).find((m) => m.content.includes('Reaction mix')));
    expect(renderMessage(dm)).toMatch(/\[Link Spotify ↗ http:\/\/127\.0\.0\.1:3000\/link\/spotify\?t=[\w.-]+\] \[Link Apple Music ↗ http:\/\/127\.0\.0\.1:3000\/link\/apple\?t=/);
    await h.discord.waitFor(() => memberField(message).includes(`⏳ <@${bob.id}>`), { description: 'bob on the member list' });
  });

  it('joins a member who already linked as accepted, without a DM', async () => {
    const alice = h.user('alice');
    const carol = h.user('carol');
    await linkMember(h.ctx.db, carol.id, 'apple');
    const { message } = await startBlendVia(h, alice, 'Linked reactor');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;

    await h.discord.react({ user: carol, messageId: message.id, emoji: '🎧' });

    await waitForStatus(blend.id, carol.id, 'accepted');
    await h.discord.waitFor(() => memberField(message).includes(`✅ <@${carol.id}>`));
    expect(h.discord.dms(carol.id).filter((m) => m.content.includes('Linked reactor'))).toEqual([]);
  });

  it('declines a member who removes their reaction, and takes them off the list', async () => {
    const alice = h.user('alice');
    const dave = h.user('dave');
    const { message } = await startBlendVia(h, alice, 'Changed my mind');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;
    await h.discord.react({ user: dave, messageId: message.id, emoji: '🎧' });
    await waitForStatus(blend.id, dave.id, 'pending');

    await h.discord.unreact({ user: dave, messageId: message.id, emoji: '🎧' });

    await waitForStatus(blend.id, dave.id, 'declined');
    await h.discord.waitFor(() => !memberField(message).includes(dave.id), { description: 'dave off the member list' });
  });

  it('ignores the bot\'s own 🎧, other emoji and reactions on other messages', async () => {
    const alice = h.user('alice');
    const erin = h.user('erin');
    const { message } = await startBlendVia(h, alice, 'Only headphones');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;
    const other = h.discord.postAsUser({ user: alice, content: 'unrelated chatter' });

    await h.discord.react({ user: erin, messageId: message.id, emoji: '👍' });
    await h.discord.react({ user: erin, messageId: other.id, emoji: '🎧' });
    await h.discord.react({ user: h.user('member-1'), messageId: message.id, emoji: '🎧' });
    await waitForStatus(blend.id, h.user('member-1').id, 'pending');
    await settle();

    expect(h.discord.reactions(h.channelId, message.id)).toContainEqual({ emoji: '🎧', userIds: [h.discord.bot.id, h.user('member-1').id] });
    expect(Object.keys(await participants(h.ctx.db, blend.id)).sort()).toEqual([alice.id, h.user('member-1').id].sort());
  });

  it('treats a second join, by command after the reaction, as harmless', async () => {
    const alice = h.user('alice');
    const member = h.user('member-2');
    const { message } = await startBlendVia(h, alice, 'Twice');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;
    await h.discord.react({ user: member, messageId: message.id, emoji: '🎧' });
    await waitForStatus(blend.id, member.id, 'pending');

    const again = await h.discord.slashCommand({ user: member, name: 'blend', subcommand: 'join', options: { code: shareCodeOf(message) } });

    expect((await again.finalReply()).content).toMatch(/already in \*\*Twice\*\*/);
    expect(await participants(h.ctx.db, blend.id)).toEqual({ [alice.id]: 'pending', [member.id]: 'pending' });
  });

  it('tells a joiner with closed DMs in the channel, mentioning only them, to use /link', async () => {
    const alice = h.user('alice');
    const member = h.user('member-3');
    h.discord.setDmsClosed(member.id);
    const { message } = await startBlendVia(h, alice, 'Closed DMs');

    await h.discord.react({ user: member, messageId: message.id, emoji: '🎧' });

    const notice = await h.discord.waitFor(() => h.discord.messages(h.channelId).find((m) => m.content.startsWith(`<@${member.id}>`)));
    expect(notice.content).toMatch(/can't DM you\. Run `\/link` here/);
    const post = h.discord.calls.find((c) => c.method === 'POST' && c.response && (c.response as { id?: string }).id === notice.id);
    expect(post?.body).toMatchObject({ allowed_mentions: { parse: [], users: [member.id] } });
  });

  it('coalesces a burst of 50 reactions into a handful of edits of the join message', async () => {
    const alice = h.user('alice');
    const { message } = await startBlendVia(h, alice, 'Burst');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;
    const members = Array.from({ length: 50 }, (_, i) => h.user(`member-${i + 1}`));
    const editsBefore = message.history.length;

    await Promise.all(members.map((user) => h.discord.react({ user, messageId: message.id, emoji: '🎧' })));

    await h.discord.waitFor(async () => Object.keys(await participants(h.ctx.db, blend.id)).length === 51, { timeoutMs: 20_000, description: '50 joins' });
    await h.discord.waitFor(() => memberField(message).startsWith('⏳') && message.embeds[0]?.fields?.some((f) => f.name.startsWith('Members (51, 0 linked')), { timeoutMs: 5_000, description: 'the final member count' });
    const edits = message.history.length - editsBefore;
    expect(edits).toBeGreaterThanOrEqual(1);
    expect(edits).toBeLessThanOrEqual(8);
  });

  it('shows a member as linked after the web role accepts them and refreshes the join message', async () => {
    const alice = h.user('alice');
    const bob = h.user('bob');
    const { message } = await startBlendVia(h, alice, 'Linked later');
    const blend = (await newestBlendBy(h.ctx.db, alice.id))!;
    await h.discord.react({ user: bob, messageId: message.id, emoji: '🎧' });
    await h.discord.waitFor(() => memberField(message).includes(`⏳ <@${bob.id}>`));

    await linkMember(h.ctx.db, bob.id);
    await acceptPending(h.ctx.db, bob.id);
    await refreshJoinMessage(h.ctx, blend.id);

    expect(memberField(joinMessage(h, 'Linked later')!)).toContain(`✅ <@${bob.id}>`);
  });
});
