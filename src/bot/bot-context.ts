import type { AppContext } from '../context.js';

/** What only the bot process has: the coalescing join-message refresher and the gateway client's reactions. */
export interface BotServices {
  /** Schedules a re-render of a blend's join message; bursts are coalesced into a few edits. */
  readonly refreshJoinMessage: (blendId: string) => void;
  /** Adds the bot's own reaction to a message. */
  readonly react: (channelId: string, messageId: string, emoji: string) => Promise<void>;
}

/** The AppContext plus the bot's own services; handlers receive this. */
export interface BotContext extends AppContext {
  readonly bot: BotServices;
}

export const scopedBot = (ctx: BotContext, bindings: Record<string, unknown>): BotContext =>
  ({ ...ctx, log: ctx.log.child(bindings) });
