import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { UserFacingError } from '../errors.js';

export { isCannotDm } from '../discord/outbox.js';

/** The permissions the bot needs in a blend's channel (README "Create the Discord application"). */
export const CHANNEL_PERMISSIONS = 'View Channel, Send Messages, Embed Links, Add Reactions and Read Message History';

/** How a failure is answered and logged: one place for Discord error codes (style.md §4). */
export type Failure =
  /** An expected outcome: shown as it is, not logged as an error. */
  | { readonly kind: 'user'; readonly reply: string }
  /** Discord refused something for a reason the server admins can fix: explained, logged as a warning. */
  | { readonly kind: 'discord'; readonly reply: string; readonly code: number }
  /** The interaction can no longer be answered (expired or already answered): logged only. */
  | { readonly kind: 'unanswerable'; readonly code: number }
  /** Anything else: logged as an error, the user sees a reference id. */
  | { readonly kind: 'unexpected'; readonly reply: string };

const DISCORD_REPLIES: Partial<Record<number, string>> = {
  [RESTJSONErrorCodes.MissingPermissions]: `I'm missing permissions in this channel. I need ${CHANNEL_PERMISSIONS}.`,
  [RESTJSONErrorCodes.MissingAccess]: `I can't see this channel. Give me ${CHANNEL_PERMISSIONS} here.`,
  [RESTJSONErrorCodes.UnknownChannel]: 'That channel no longer exists.',
  [RESTJSONErrorCodes.UnknownMessage]: 'The message I needed is gone; it may have been deleted.',
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser]: 'I can\'t send you DMs. Allow DMs from server members, or use `/link` here.',
};

const UNANSWERABLE: ReadonlySet<number> = new Set([RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged]);

/** Classifies an error; `ref` is what the user can quote to whoever runs the bot. */
export function classifyFailure(error: unknown, ref: string): Failure {
  if (error instanceof UserFacingError) return { kind: 'user', reply: error.message };
  if (error instanceof DiscordAPIError && typeof error.code === 'number') {
    if (UNANSWERABLE.has(error.code)) return { kind: 'unanswerable', code: error.code };
    const reply = DISCORD_REPLIES[error.code];
    if (reply) return { kind: 'discord', reply, code: error.code };
  }
  return { kind: 'unexpected', reply: `Something went wrong on our side. If it keeps happening, tell the bot's admin: reference \`${ref}\`.` };
}
