import { DiscordAPIError, RESTJSONErrorCodes, SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { SlashCommand } from '../../src/bot/command.js';
import { runCommand } from '../../src/bot/run-command.js';
import { UserFacingError } from '../../src/errors.js';
import { testBot } from './support/bot-context.js';
import { FakeCommandInteraction } from './support/fake-interaction.js';
import { person } from './support/blends.js';

const failing = (error: unknown, deferFirst = false): SlashCommand => ({
  data: new SlashCommandBuilder().setName('boom').setDescription('fails'),
  async execute(interaction) {
    if (deferFirst) await interaction.deferReply();
    throw error;
  },
});

const discordError = (code: number) => new DiscordAPIError({ code, message: 'refused' }, code, 403, 'POST', '/channels/1/messages', { body: undefined, files: undefined });

describe('runCommand', () => {
  it('shows a UserFacingError as it is, privately, without logging an error', async () => {
    const logLines: string[] = [];
    const bot = await testBot({ logLines });
    const interaction = new FakeCommandInteraction(person('Ada'));

    await runCommand(failing(new UserFacingError('That name is taken.')), interaction, bot.ctx);

    expect(interaction.sent).toEqual([expect.objectContaining({ kind: 'reply', ephemeral: true, content: 'That name is taken.' })]);
    expect(logLines.filter((l) => l.includes('"level":50'))).toEqual([]);
  });

  it('logs anything else once with the interaction\'s ids and shows only a reference id', async () => {
    const logLines: string[] = [];
    const bot = await testBot({ logLines });
    const interaction = new FakeCommandInteraction(person('Ada'));

    await runCommand(failing(new Error('connection string postgres://secret@db')), interaction, bot.ctx);

    expect(interaction.answer?.content).toBe(`Something went wrong on our side. If it keeps happening, tell the bot's admin: reference \`${interaction.id}\`.`);
    const errors = logLines.filter((l) => l.includes('"level":50')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(errors).toEqual([expect.objectContaining({ interactionId: interaction.id, command: 'boom', userId: interaction.user.id, msg: 'interaction failed' })]);
  });

  it('edits the deferred answer instead of replying a second time', async () => {
    const bot = await testBot();
    const interaction = new FakeCommandInteraction(person('Ada'));

    await runCommand(failing(new UserFacingError('Nope.'), true), interaction, bot.ctx);

    expect(interaction.sent.map((s) => s.kind)).toEqual(['defer', 'edit']);
    expect(interaction.answer?.content).toBe('Nope.');
  });

  it('explains a missing channel permission instead of a reference id', async () => {
    const bot = await testBot();
    const interaction = new FakeCommandInteraction(person('Ada'));

    await runCommand(failing(discordError(RESTJSONErrorCodes.MissingPermissions)), interaction, bot.ctx);

    expect(interaction.answer?.content).toMatch(/missing permissions in this channel.*Send Messages, Embed Links, Add Reactions/);
  });

  it('does not try to answer an interaction Discord says is gone', async () => {
    const bot = await testBot();
    const interaction = new FakeCommandInteraction(person('Ada'));

    await runCommand(failing(discordError(RESTJSONErrorCodes.UnknownInteraction)), interaction, bot.ctx);

    expect(interaction.sent).toEqual([]);
  });

  it('never lets an answer ping anyone', async () => {
    const bot = await testBot();
    const interaction = new FakeCommandInteraction(person('Ada'));
    await runCommand(failing(new UserFacingError('<@123> @everyone')), interaction, bot.ctx);
    expect(interaction.answer?.allowedMentions).toEqual({ parse: [] });
  });
});
