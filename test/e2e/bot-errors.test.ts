import { RESTJSONErrorCodes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/bot/start.js';
import { testContext } from '../support/context.js';
import { startBotHarness, type BotHarness } from '../bot/support/bot-harness.js';
import { newestBlendBy } from '../bot/support/members.js';

let h: BotHarness;
beforeAll(async () => { h = await startBotHarness(); });
afterAll(async () => { await h.stop(); });

const postsToGeneral = () => new RegExp(`^POST /channels/${h.channelId}/messages$`);

describe('when something goes wrong', () => {
  it('shows an unexpected failure as a reference id, logs it once, and leaves no half-made blend', async () => {
    const alice = h.user('alice');
    h.discord.failNext(postsToGeneral(), { status: 500, message: 'Internal Server Error' }, 4);

    const interaction = await h.discord.slashCommand({ user: alice, name: 'blend', subcommand: 'start', options: { name: 'Doomed' } });
    const answer = await interaction.finalReply();

    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toBe(`Something went wrong on our side. If it keeps happening, tell the bot's admin: reference \`${interaction.id}\`.`);
    const logged = h.errors().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([expect.objectContaining({ interactionId: interaction.id, command: 'blend', subcommand: 'start', userId: alice.id })]);
    expect((await newestBlendBy(h.ctx.db, alice.id))?.status).toBe('cancelled');
  });

  it('explains a missing channel permission and cancels the blend it could not announce', async () => {
    const bob = h.user('bob');
    h.discord.failNext(postsToGeneral(), { status: 403, code: RESTJSONErrorCodes.MissingPermissions, message: 'Missing Permissions' });

    const interaction = await h.discord.slashCommand({ user: bob, name: 'blend', subcommand: 'start', options: { name: 'No permission' } });
    const answer = await interaction.finalReply();

    expect(answer.content).toMatch(/I'm missing permissions in this channel\. I need View Channel, Send Messages, Embed Links, Add Reactions and Read Message History/);
    expect((await newestBlendBy(h.ctx.db, bob.id))?.status).toBe('cancelled');
  });

  it('refuses to start with a token Discord rejects, instead of hanging', async () => {
    const ctx = await testContext({ env: { DISCORD_API_BASE: h.discord.apiBase, DISCORD_TOKEN: 'not-the-token' } });
    await expect(startBot(ctx)).rejects.toThrow(/token/i);
  });
});
