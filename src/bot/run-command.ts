import { performance } from 'node:perf_hooks';
import { scopedBot, type BotContext } from './bot-context.js';
import type { ButtonHandler, SlashCommand } from './command.js';
import { classifyFailure } from './discord-errors.js';
import type { ButtonInteractionLike, CommandInteractionLike } from './interaction.js';
import { answerPrivately } from './replies.js';

/** Runs a slash command with its own child logger and the one error path. */
export async function runCommand(command: SlashCommand, interaction: CommandInteractionLike, base: BotContext): Promise<void> {
  const ctx = scopedBot(base, {
    interactionId: interaction.id, command: command.data.name, subcommand: interaction.options.getSubcommand(false) ?? undefined, userId: interaction.user.id,
  });
  await runHandled(interaction, ctx, () => command.execute(interaction, ctx));
}

/** Runs a button handler the same way. */
export async function runButton(handler: ButtonHandler, argument: string | undefined, interaction: ButtonInteractionLike, base: BotContext): Promise<void> {
  const ctx = scopedBot(base, { interactionId: interaction.id, button: handler.prefix, userId: interaction.user.id });
  await runHandled(interaction, ctx, () => handler.execute(interaction, ctx, argument));
}

/**
 * The one error path. Expected problems (UserFacingError) are answered as they are; Discord
 * refusals the admins can fix are explained and logged as warnings; anything else is logged
 * once, here, and the user gets a reference id (the interaction id), never the error's text.
 */
async function runHandled(interaction: CommandInteractionLike | ButtonInteractionLike, ctx: BotContext, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  try {
    await work();
    ctx.log.debug({ ms: Math.round(performance.now() - started) }, 'interaction handled');
  } catch (error) {
    const failure = classifyFailure(error, interaction.id);
    if (failure.kind === 'unexpected') ctx.log.error({ err: error }, 'interaction failed');
    else if (failure.kind === 'user') ctx.log.info({ reason: failure.reply }, 'interaction refused');
    else ctx.log.warn({ err: error }, 'discord refused a request');
    if (failure.kind === 'unanswerable') return;
    await answerPrivately(interaction, failure.reply).catch((err: unknown) => ctx.log.warn({ err }, 'could not report the failure'));
  }
}
