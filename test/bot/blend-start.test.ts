import { describe, expect, it } from 'vitest';
import { blend } from '../../commands/blend.js';
import { runCommand } from '../../src/bot/run-command.js';
import { participants, linkMember, newestBlendBy } from './support/members.js';
import { testBot } from './support/bot-context.js';
import { FakeCommandInteraction } from './support/fake-interaction.js';
import { enabledProviders } from './support/stub-provider.js';
import { uniqueSnowflake } from './support/snowflake.js';

const start = (options: Record<string, string | number>, where: { guildId?: string | null; channelId?: string | null } = {}) => {
  const user = { id: uniqueSnowflake(), displayName: 'Ada' };
  return new FakeCommandInteraction(user, { subcommand: 'start', options }, { channelId: uniqueSnowflake(), ...where });
};

describe('/blend start', () => {
  it('posts the join message in the channel, reacts with 🎧 and joins the creator as pending', async () => {
    const bot = await testBot({ providers: enabledProviders('spotify', 'apple') });
    const interaction = start({ name: 'Friday night', size: 30 });

    await runCommand(blend, interaction, bot.ctx);

    const stored = await newestBlendBy(bot.ctx.db, interaction.user.id);
    const [post] = bot.outbox.posts(interaction.channelId!);
    expect(post).toMatchObject({ message: { content: expect.stringContaining('react with 🎧') } });
    expect(JSON.stringify(post)).toContain(stored!.shareCode);
    expect(stored).toMatchObject({ name: 'Friday night', size: 30, status: 'pending', messageId: post!.id, channelId: interaction.channelId, guildId: 'guild-1' });
    expect(bot.reactions).toEqual([{ channelId: interaction.channelId, messageId: stored!.messageId, emoji: '🎧' }]);
    expect(await participants(bot.ctx.db, stored!.id)).toEqual({ [interaction.user.id]: 'pending' });
  });

  it('answers the creator privately with the share code, after deferring', async () => {
    const bot = await testBot({ providers: enabledProviders('spotify') });
    const interaction = start({ name: 'Road trip' });

    await runCommand(blend, interaction, bot.ctx);

    const stored = await newestBlendBy(bot.ctx.db, interaction.user.id);
    expect(interaction.sent[0]).toMatchObject({ kind: 'defer', ephemeral: true });
    expect(interaction.answer).toMatchObject({ kind: 'edit', ephemeral: true, content: expect.stringContaining(stored!.shareCode) });
    expect(stored?.size).toBe(50);
  });

  it('DMs an unlinked creator the link buttons of the enabled providers only', async () => {
    const bot = await testBot({ providers: enabledProviders('apple') });
    const interaction = start({ name: 'Apple only' });

    await runCommand(blend, interaction, bot.ctx);

    const [dm] = bot.outbox.dmsTo(interaction.user.id);
    const buttons = JSON.stringify(dm?.message.components);
    expect(buttons).toContain('Link Apple Music');
    expect(buttons).toContain('/link/apple?t=');
    expect(buttons).not.toContain('Spotify');
    expect(interaction.answer?.content).toMatch(/sent you a DM/);
  });

  it('puts the link buttons in the private answer when the creator has closed DMs', async () => {
    const bot = await testBot({ providers: enabledProviders('spotify') });
    const interaction = start({ name: 'Closed DMs' });
    bot.outbox.closedDms.add(interaction.user.id);

    await runCommand(blend, interaction, bot.ctx);

    expect(interaction.answer?.content).toMatch(/can't DM you/);
    expect(JSON.stringify(interaction.answer?.components)).toContain('/link/spotify?t=');
  });

  it('joins a creator who already linked a service as accepted, with no DM', async () => {
    const bot = await testBot({ providers: enabledProviders('spotify') });
    const interaction = start({ name: 'Linked' });
    await linkMember(bot.ctx.db, interaction.user.id);

    await runCommand(blend, interaction, bot.ctx);

    const stored = await newestBlendBy(bot.ctx.db, interaction.user.id);
    expect(await participants(bot.ctx.db, stored!.id)).toEqual({ [interaction.user.id]: 'accepted' });
    expect(bot.outbox.dmsTo(interaction.user.id)).toEqual([]);
  });

  it('sets when joining closes from closes_in', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const bot = await testBot({ now: () => now });
    const interaction = start({ name: 'Timed', closes_in: 90 });

    await runCommand(blend, interaction, bot.ctx);

    expect((await newestBlendBy(bot.ctx.db, interaction.user.id))?.closesAt?.toISOString()).toBe('2026-05-01T13:30:00.000Z');
  });

  it.each([
    ['an empty name', '', /Give the Blend a name/],
    ['a blank name', '   ', /Give the Blend a name/],
    ['a name over 100 characters', 'x'.repeat(101), /at most 100 characters; yours has 101/],
    ['a name with @everyone', 'hi @everyone', /can't contain @everyone or @here/],
    ['a name with @here', 'party @here', /can't contain @everyone or @here/],
  ])('refuses %s privately, without creating a blend', async (_what, name, message) => {
    const bot = await testBot();
    const interaction = start({ name });

    await runCommand(blend, interaction, bot.ctx);

    expect(interaction.sent).toEqual([expect.objectContaining({ kind: 'reply', ephemeral: true, content: expect.stringMatching(message) })]);
    expect(await newestBlendBy(bot.ctx.db, interaction.user.id)).toBeUndefined();
    expect(bot.outbox.calls).toEqual([]);
  });

  it('accepts a name of exactly 100 characters', async () => {
    const bot = await testBot();
    const interaction = start({ name: 'x'.repeat(100) });
    await runCommand(blend, interaction, bot.ctx);
    expect((await newestBlendBy(bot.ctx.db, interaction.user.id))?.name).toHaveLength(100);
  });

  it('refuses a playlist size outside 10–100', async () => {
    const bot = await testBot();
    const interaction = start({ name: 'Huge', size: 500 });
    await runCommand(blend, interaction, bot.ctx);
    expect(interaction.answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/between 10 and 100 tracks/) });
  });

  it('says blends live in server channels when used in a DM', async () => {
    const bot = await testBot();
    const interaction = start({ name: 'In a DM' }, { guildId: null });

    await runCommand(blend, interaction, bot.ctx);

    expect(interaction.answer).toMatchObject({ kind: 'reply', ephemeral: true, content: expect.stringMatching(/server channels/) });
  });
});
