import { pgEnum } from 'drizzle-orm/pg-core';

export const providerEnum = pgEnum('provider', ['spotify', 'apple']);
export const timeRangeEnum = pgEnum('time_range', ['short_term', 'medium_term', 'long_term']);
/** The seed's three states plus `cancelled` (design.md's lifecycle: a pending blend that never ran). */
export const blendStatusEnum = pgEnum('blend_status', ['pending', 'processing', 'completed', 'cancelled']);
export const participantStatusEnum = pgEnum('participant_status', ['pending', 'accepted', 'declined']);
