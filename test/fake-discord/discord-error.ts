import { RESTJSONErrorCodes } from 'discord.js';

/** A Discord JSON error response: `{ code, message, errors? }` with an HTTP status. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

const C = RESTJSONErrorCodes;

export const discordErrors = {
  notFound: () => new DiscordHttpError(404, 0, '404: Not Found'),
  unauthorized: () => new DiscordHttpError(401, 0, '401: Unauthorized'),
  unknownChannel: () => new DiscordHttpError(404, C.UnknownChannel, 'Unknown Channel'),
  unknownGuild: () => new DiscordHttpError(404, C.UnknownGuild, 'Unknown Guild'),
  unknownMember: () => new DiscordHttpError(404, C.UnknownMember, 'Unknown Member'),
  unknownMessage: () => new DiscordHttpError(404, C.UnknownMessage, 'Unknown Message'),
  unknownUser: () => new DiscordHttpError(404, C.UnknownUser, 'Unknown User'),
  unknownWebhook: () => new DiscordHttpError(404, C.UnknownWebhook, 'Unknown Webhook'),
  unknownEmoji: () => new DiscordHttpError(400, C.UnknownEmoji, 'Unknown Emoji'),
  unknownInteraction: () => new DiscordHttpError(404, C.UnknownInteraction, 'Unknown interaction'),
  alreadyAcknowledged: () =>
    new DiscordHttpError(400, C.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.'),
  cannotDm: () => new DiscordHttpError(403, C.CannotSendMessagesToThisUser, 'Cannot send messages to this user'),
  emptyMessage: () => new DiscordHttpError(400, C.CannotSendAnEmptyMessage, 'Cannot send an empty message'),
  notAuthor: () =>
    new DiscordHttpError(403, C.CannotEditMessageAuthoredByAnotherUser, 'Cannot edit a message authored by another user'),
  invalidJson: () => new DiscordHttpError(400, C.RequestBodyContainsInvalidJSON, 'The request body contains invalid JSON.'),
  invalidForm: (errors: Record<string, unknown>) =>
    new DiscordHttpError(400, C.InvalidFormBodyOrContentType, 'Invalid Form Body', errors),
} as const;

/** Builds Discord's nested `errors` object for one field path such as `embeds.0.title`. */
export function formError(path: string, code: string, message: string): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { _errors: [{ code, message }] });
}
