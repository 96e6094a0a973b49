/** What /blend start accepts (design.md "Discord surface"). */
export const BLEND_NAME_MAX = 100;
export const BLEND_SIZE = { min: 10, max: 100, default: 50 } as const;
/** Joining can stay open for at most a week. */
export const CLOSES_IN_MINUTES = { min: 1, max: 7 * 24 * 60 } as const;
/** A blend needs this many members with a linked music service before it can be built. */
export const MIN_ACCEPTED_MEMBERS = 2;
