import { beforeAll, describe, expect, it } from 'vitest';
import { blend as blendCommand } from '../../commands/blend.js';
import { runCommand } from '../../src/bot/run-command.js';
import { person, runBlend, startedBlend } from './support/blends.js';
import { testBot, type TestBot } from './support/bot-context.js';
import { FakeCommandInteraction } from './support/fake-interaction.js';
import { linkMember, newestBlendBy, participants, setBlendStatus } from './support/members.js';
import { enabledProviders } from './support/stub-provider.js';

let bot: TestBot;
beforeAll(async () => { bot = await testBot({ providers: enabledProviders('spotify', 'apple') }); });

describe('/blend join', () => {
  it('joins by share code as pending and DMs link buttons to a member without a linked service', async () => {
    const blend = await startedBlend(bot, person('Ada'));
    const bea = person('Bea');

    const interaction = await runBlend(bot, bea, 'join', { code: blend.shareCode });

    expect((await participants(bot.ctx.db, blend.id))[bea.id]).toBe('pending');
    expect(interaction.answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/You joined \*\*Mix\*\*.*sent you a DM/) });
    expect(JSON.stringify(bot.outbox.dmsTo(bea.id)[0]?.message.components)).toMatch(/Link Spotify.*Link Apple Music/);
    expect(bot.refreshed).toContain(blend.id);
  });

  it('joins a member who already linked a service as accepted', async () => {
    const blend = await startedBlend(bot, person('Ada'));
    const cy = person('Cy');
    await linkMember(bot.ctx.db, cy.id, 'apple');

    const interaction = await runBlend(bot, cy, 'join', { code: blend.shareCode.toLowerCase() });

    expect((await participants(bot.ctx.db, blend.id))[cy.id]).toBe('accepted');
    expect(interaction.answer?.content).toMatch(/linked music service will be used/);
    expect(bot.outbox.dmsTo(cy.id)).toEqual([]);
  });

  it('says so, harmlessly, when a member joins twice', async () => {
    const blend = await startedBlend(bot, person('Ada'));
    const di = person('Di');
    await runBlend(bot, di, 'join', { code: blend.shareCode });
    const refreshes = bot.refreshed.length;

    const again = await runBlend(bot, di, 'join', { code: blend.shareCode });

    expect(again.answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/already in \*\*Mix\*\*/) });
    expect(await participants(bot.ctx.db, blend.id)).toMatchObject({ [di.id]: 'pending' });
    expect(bot.refreshed.length).toBe(refreshes);
  });

  it('refuses an unknown share code clearly', async () => {
    const interaction = await runBlend(bot, person('Ed'), 'join', { code: 'ZZZZZZZZZZ' });
    expect(interaction.answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/No open Blend has the code `ZZZZZZZZZZ`/) });
  });

  it('refuses something that is not a share code at all', async () => {
    const interaction = await runBlend(bot, person('Ed'), 'join', { code: 'hello!' });
    expect(interaction.answer).toMatchObject({ kind: 'reply', ephemeral: true, content: expect.stringMatching(/is not a share code/) });
  });

  it('says a completed blend is finished, even to someone who is not in it', async () => {
    const blend = await startedBlend(bot, person('Ada'), 'Old mix');
    await setBlendStatus(bot.ctx.db, blend.id, 'completed');

    const interaction = await runBlend(bot, person('Flo'), 'join', { code: blend.shareCode });

    expect(interaction.answer?.content).toMatch(/\*\*Old mix\*\* is already finished, so it can't be joined/);
    expect(interaction.answer?.content).toContain(`/b/${blend.shareCode}`);
  });

  it('says joining has closed once the blend is being built', async () => {
    const ada = person('Ada');
    const blend = await startedBlend(bot, ada);
    await setBlendStatus(bot.ctx.db, blend.id, 'processing');

    const interaction = await runBlend(bot, ada, 'join', { code: blend.shareCode });

    expect(interaction.answer?.content).toMatch(/Joining \*\*Mix\*\* has closed/);
  });

  it('refuses joining once closes_in has run out, before the worker picked the blend up', async () => {
    const ada = person('Ada');
    await runBlend(bot, ada, 'start', { name: 'Soon', closes_in: 1 }, 'channel-timed');
    const blend = (await newestBlendBy(bot.ctx.db, ada.id))!;
    const later = { ...bot, ctx: { ...bot.ctx, now: () => new Date(Date.now() + 2 * 60_000) } };

    const interaction = await runBlend(later, person('Gus'), 'join', { code: blend.shareCode });

    expect(interaction.answer?.content).toMatch(/Joining \*\*Soon\*\* has closed/);
  });

  it('is refused in DMs', async () => {
    const interaction = new FakeCommandInteraction(person('Hal'), { subcommand: 'join', options: { code: 'ZZZZZZZZZZ' } }, { guildId: null });

    await runCommand(blendCommand, interaction, bot.ctx);

    expect(interaction.answer).toMatchObject({ kind: 'reply', ephemeral: true, content: expect.stringMatching(/not in DMs/) });
  });
});

describe('/blend leave', () => {
  it('declines the member and refreshes the join message', async () => {
    const blend = await startedBlend(bot, person('Ada'));
    const ivy = person('Ivy');
    await runBlend(bot, ivy, 'join', { code: blend.shareCode });

    const interaction = await runBlend(bot, ivy, 'leave', { code: blend.shareCode });

    expect((await participants(bot.ctx.db, blend.id))[ivy.id]).toBe('declined');
    expect(interaction.answer?.content).toMatch(/You left \*\*Mix\*\*/);
  });

  it('without a code, leaves the newest open blend in this channel that the member is in', async () => {
    const ada = person('Ada');
    const channel = 'channel-leave-newest';
    await runBlend(bot, ada, 'start', { name: 'Older' }, channel);
    const older = (await newestBlendBy(bot.ctx.db, ada.id))!;
    const jo = person('Jo');
    await runBlend(bot, jo, 'join', { code: older.shareCode });
    await runBlend(bot, person('Kim'), 'start', { name: 'Newer' }, channel);

    const interaction = await runBlend(bot, jo, 'leave', {}, channel);

    expect(interaction.answer?.content).toMatch(/You left \*\*Older\*\*/);
  });

  it('says there is nothing to leave for someone who is not in the blend', async () => {
    const blend = await startedBlend(bot, person('Ada'));
    const interaction = await runBlend(bot, person('Lu'), 'leave', { code: blend.shareCode });
    expect(interaction.answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/not in \*\*Mix\*\*/) });
  });

  it('lets a member who left join again', async () => {
    const blend = await startedBlend(bot, person('Ada'));
    const mo = person('Mo');
    await runBlend(bot, mo, 'join', { code: blend.shareCode });
    await runBlend(bot, mo, 'leave', { code: blend.shareCode });

    const interaction = await runBlend(bot, mo, 'join', { code: blend.shareCode });

    expect(interaction.answer?.content).toMatch(/You joined/);
    expect((await participants(bot.ctx.db, blend.id))[mo.id]).toBe('pending');
  });
});
