import type { APIEmbed } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { person, runBlend, startedBlend } from './support/blends.js';
import { testBot, type TestBot } from './support/bot-context.js';
import { linkMember, newestBlendBy, setBlendStatus } from './support/members.js';
import { enabledProviders } from './support/stub-provider.js';

let bot: TestBot;
beforeAll(async () => { bot = await testBot({ providers: enabledProviders('spotify') }); });

const linkedPerson = async (name: string) => {
  const p = person(name);
  await linkMember(bot.ctx.db, p.id);
  return p;
};

const embedText = (embeds: readonly unknown[]): string => JSON.stringify(embeds as APIEmbed[]);

describe('/blend finish', () => {
  it('closes joining and queues the build when the creator finishes with two linked members', async () => {
    const ada = await linkedPerson('Ada');
    const blend = await startedBlend(bot, ada, 'Two of us');
    await runBlend(bot, await linkedPerson('Bo'), 'join', { code: blend.shareCode });

    const interaction = await runBlend(bot, ada, 'finish', { code: blend.shareCode });

    expect((await newestBlendBy(bot.ctx.db, ada.id))?.status).toBe('processing');
    expect(interaction.answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/Joining \*\*Two of us\*\* is closed/) });
    expect(bot.refreshed.at(-1)).toBe(blend.id);
  });

  it('refuses to finish someone else\'s blend', async () => {
    const blend = await startedBlend(bot, await linkedPerson('Ada'));
    const bo = await linkedPerson('Bo');
    await runBlend(bot, bo, 'join', { code: blend.shareCode });

    const interaction = await runBlend(bot, bo, 'finish', { code: blend.shareCode });

    expect(interaction.answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/Only the person who started \*\*Mix\*\* can finish it/) });
    expect((await newestBlendBy(bot.ctx.db, blend.creatorDiscordId))?.status).toBe('pending');
  });

  it('refuses to finish with fewer than two linked members, counting the pending ones out', async () => {
    const ada = await linkedPerson('Ada');
    const blend = await startedBlend(bot, ada);
    await runBlend(bot, person('Unlinked'), 'join', { code: blend.shareCode });

    const interaction = await runBlend(bot, ada, 'finish', { code: blend.shareCode });

    expect(interaction.answer?.content).toMatch(/needs at least 2 members who linked a music service.*it has 1/);
    expect((await newestBlendBy(bot.ctx.db, ada.id))?.status).toBe('pending');
  });

  it('without a code, finishes the newest open blend the creator started in this channel', async () => {
    const ada = await linkedPerson('Ada');
    const channel = 'channel-finish-own';
    await runBlend(bot, ada, 'start', { name: 'Mine' }, channel);
    const mine = (await newestBlendBy(bot.ctx.db, ada.id))!;
    await runBlend(bot, await linkedPerson('Bo'), 'join', { code: mine.shareCode });
    await runBlend(bot, await linkedPerson('Cy'), 'start', { name: 'Theirs' }, channel);

    const interaction = await runBlend(bot, ada, 'finish', {}, channel);

    expect(interaction.answer?.content).toMatch(/Joining \*\*Mine\*\* is closed/);
  });

  it('says a blend already being built cannot be finished again', async () => {
    const ada = await linkedPerson('Ada');
    const blend = await startedBlend(bot, ada);
    await setBlendStatus(bot.ctx.db, blend.id, 'processing');

    const interaction = await runBlend(bot, ada, 'finish', { code: blend.shareCode });

    expect(interaction.answer?.content).toMatch(/already being built/);
  });

  it('says there is no open blend here when the channel has none', async () => {
    const interaction = await runBlend(bot, person('Ada'), 'finish', {}, 'channel-with-nothing');
    expect(interaction.answer?.content).toMatch(/no open Blend in this channel/);
  });
});

describe('/blend status', () => {
  it('shows the members, who still has to link, the state and the share code', async () => {
    const ada = await linkedPerson('Ada');
    const blend = await startedBlend(bot, ada, 'Status mix');
    const waiting = person('Waiting');
    await runBlend(bot, waiting, 'join', { code: blend.shareCode });

    const interaction = await runBlend(bot, person('Outsider'), 'status', { code: blend.shareCode });

    const text = embedText(interaction.answer!.embeds);
    expect(interaction.answer?.ephemeral).toBe(true);
    expect(text).toContain('Status mix');
    expect(text).toContain(blend.shareCode);
    expect(text).toContain(`✅ <@${ada.id}>`);
    expect(text).toMatch(new RegExp(`Still has to link","value":"<@${waiting.id}>`));
    expect(text).toContain('Open: react to join');
  });

  it('without a code, shows the newest blend in this channel', async () => {
    const channel = 'channel-status-newest';
    await runBlend(bot, person('Ada'), 'start', { name: 'First' }, channel);
    await runBlend(bot, person('Bo'), 'start', { name: 'Second' }, channel);

    const interaction = await runBlend(bot, person('Cy'), 'status', {}, channel);

    expect(embedText(interaction.answer!.embeds)).toContain('Second');
  });

  it('shows a blend being built to its members', async () => {
    const ada = await linkedPerson('Ada');
    const blend = await startedBlend(bot, ada);
    await setBlendStatus(bot.ctx.db, blend.id, 'processing');

    const interaction = await runBlend(bot, ada, 'status', { code: blend.shareCode });

    expect(embedText(interaction.answer!.embeds)).toContain('Joining closed: building the playlist');
  });

  it('refuses an unknown share code', async () => {
    const interaction = await runBlend(bot, person('Ada'), 'status', { code: '2222222222' });
    expect(interaction.answer?.content).toMatch(/No open Blend has the code `2222222222`/);
  });
});
