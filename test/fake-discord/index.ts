/**
 * A local Discord (REST + gateway on 127.0.0.1) that an unmodified discord.js client talks to.
 *
 *   const discord = await startFakeDiscord();
 *   const client = new Client({ intents, partials, rest: { api: discord.apiBase } });
 *   await client.login('any-token');                       // wait for Events.ClientReady too
 *   const i = await discord.slashCommand({ user: discord.user('alice'), name: 'blend', subcommand: 'start', options: { name: 'Friday mix' } });
 *   expect((await i.finalReply()).content).toMatch(/Friday mix/);
 *   await client.destroy();
 *   await discord.close();
 */
export { FakeDiscord, startFakeDiscord } from './fake-discord.js';
export type { ComponentInput, ReactionInput, SlashCommandInput, UserMessageInput } from './driver.js';
export type { FakeInteraction, InteractionWaitOptions } from './interaction-handle.js';
export type { CallbackAttempt, InteractionKind } from './interactions.js';
export type { CommandPath, OptionValue } from './interaction-payloads.js';
export { renderMessage } from './render.js';
export type { RenderableMessage, RenderOptions } from './render.js';
export type { Found, WaitOptions } from './wait-for.js';
export type * from './types.js';
