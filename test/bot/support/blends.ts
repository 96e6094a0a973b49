import { blend } from '../../../commands/blend.js';
import { runCommand } from '../../../src/bot/run-command.js';
import type { TestBot } from './bot-context.js';
import { FakeCommandInteraction } from './fake-interaction.js';
import { newestBlendBy, type StoredBlend } from './members.js';
import { uniqueSnowflake } from './snowflake.js';

export interface Person { readonly id: string; readonly displayName: string }

export const person = (displayName: string): Person => ({ id: uniqueSnowflake(), displayName });

/** Runs a /blend subcommand as `who` in `channelId` and returns the interaction. */
export async function runBlend(bot: TestBot, who: Person, subcommand: string, options: Record<string, string | number> = {}, channelId = 'channel-1'): Promise<FakeCommandInteraction> {
  const interaction = new FakeCommandInteraction(who, { subcommand, options }, { channelId });
  await runCommand(blend, interaction, bot.ctx);
  return interaction;
}

/** A blend started by `creator` with /blend start in a channel of its own. */
export async function startedBlend(bot: TestBot, creator: Person, name = 'Mix'): Promise<StoredBlend> {
  const channelId = uniqueSnowflake();
  await runBlend(bot, creator, 'start', { name }, channelId);
  const stored = await newestBlendBy(bot.ctx.db, creator.id);
  if (!stored) throw new Error('the blend was not started');
  return stored;
}
