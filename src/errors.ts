/** An expected outcome the user caused or can fix: its message is shown to them as it is. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/** A request that was well-formed but is not allowed (web: 403; bot: same as UserFacingError). */
export class ForbiddenError extends UserFacingError {}

/** A thing that does not exist or is not visible to the actor (web: 404). */
export class NotFoundError extends UserFacingError {}
