import { beforeAll, describe, expect, it } from 'vitest';
import { link } from '../../commands/link.js';
import { unlink } from '../../commands/unlink.js';
import { unlinkCancel, unlinkConfirm } from '../../src/bot/buttons/unlink.js';
import { runButton, runCommand } from '../../src/bot/run-command.js';
import { person, runBlend, startedBlend } from './support/blends.js';
import { testBot, type TestBot } from './support/bot-context.js';
import { FakeButtonInteraction, FakeCommandInteraction } from './support/fake-interaction.js';
import { linkMember, participants, storedConnection } from './support/members.js';
import { enabledProviders } from './support/stub-provider.js';

let bot: TestBot;
beforeAll(async () => { bot = await testBot({ providers: enabledProviders('spotify') }); });

describe('/link', () => {
  it('replies privately, without deferring, with a signed link button for the provider', async () => {
    const ada = person('Ada');
    const interaction = new FakeCommandInteraction(ada, { options: { provider: 'spotify' } });

    await runCommand(link, interaction, bot.ctx);

    expect(interaction.sent).toHaveLength(1);
    expect(interaction.answer).toMatchObject({ kind: 'reply', ephemeral: true });
    const url = JSON.stringify(interaction.answer?.components).match(/"url":"([^"]+)"/)?.[1];
    const token = new URL(url!).searchParams.get('t')!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/link\/spotify\?t=/);
    expect(bot.ctx.links.verify('link', token)).toMatchObject({ ok: true, claims: { discordId: ada.id, provider: 'spotify' } });
  });

  it('says a provider that is not enabled is turned off', async () => {
    const interaction = new FakeCommandInteraction(person('Ada'), { options: { provider: 'apple' } });
    await runCommand(link, interaction, bot.ctx);
    expect(interaction.answer).toMatchObject({ ephemeral: true, content: 'Apple Music linking is turned off on this bot.' });
  });
});

describe('/unlink', () => {
  it('asks to confirm with a button before deleting anything', async () => {
    const ada = person('Ada');
    await linkMember(bot.ctx.db, ada.id);
    const interaction = new FakeCommandInteraction(ada, { options: { provider: 'spotify' } });

    await runCommand(unlink, interaction, bot.ctx);

    expect(interaction.answer).toMatchObject({ ephemeral: true, content: expect.stringMatching(/^Unlink Spotify\?/) });
    expect(JSON.stringify(interaction.answer?.components)).toContain('"custom_id":"unlink-confirm:spotify"');
    expect(await storedConnection(bot.ctx.db, ada.id, 'spotify')).toEqual({ connections: 1, topTracks: 1 });
  });

  it('says there is nothing to unlink when the provider is not linked', async () => {
    const interaction = new FakeCommandInteraction(person('Ada'), { options: { provider: 'spotify' } });
    await runCommand(unlink, interaction, bot.ctx);
    expect(interaction.answer?.content).toBe('You have no Spotify connection to unlink.');
  });

  it('deletes the connection and its cached top tracks when confirmed', async () => {
    const ada = person('Ada');
    await linkMember(bot.ctx.db, ada.id);
    const click = new FakeButtonInteraction(ada, 'unlink-confirm:spotify');

    await runButton(unlinkConfirm, 'spotify', click, bot.ctx);

    expect(await storedConnection(bot.ctx.db, ada.id, 'spotify')).toEqual({ connections: 0, topTracks: 0 });
    expect(click.sent[0]?.kind).toBe('deferUpdate');
    expect(click.answer).toMatchObject({ kind: 'edit', components: [], content: expect.stringMatching(/Spotify is unlinked/) });
  });

  it('makes the member pending again in open blends when they have no other service left', async () => {
    const ada = person('Ada');
    await linkMember(bot.ctx.db, ada.id);
    const blend = await startedBlend(bot, person('Creator'));
    await runBlend(bot, ada, 'join', { code: blend.shareCode });

    await runButton(unlinkConfirm, 'spotify', new FakeButtonInteraction(ada, 'unlink-confirm:spotify'), bot.ctx);

    expect((await participants(bot.ctx.db, blend.id))[ada.id]).toBe('pending');
    expect(bot.refreshed.at(-1)).toBe(blend.id);
  });

  it('keeps the connection when the member cancels', async () => {
    const ada = person('Ada');
    await linkMember(bot.ctx.db, ada.id);
    const click = new FakeButtonInteraction(ada, 'unlink-cancel');

    await runButton(unlinkCancel, undefined, click, bot.ctx);

    expect(click.answer).toMatchObject({ kind: 'update', components: [], content: expect.stringMatching(/Kept your connection/) });
    expect(await storedConnection(bot.ctx.db, ada.id, 'spotify')).toEqual({ connections: 1, topTracks: 1 });
  });

  it('only ever unlinks the member who clicks', async () => {
    const ada = person('Ada');
    const bo = person('Bo');
    await linkMember(bot.ctx.db, ada.id);

    await runButton(unlinkConfirm, 'spotify', new FakeButtonInteraction(bo, 'unlink-confirm:spotify'), bot.ctx);

    expect(await storedConnection(bot.ctx.db, ada.id, 'spotify')).toEqual({ connections: 1, topTracks: 1 });
  });
});
