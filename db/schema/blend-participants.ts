import { pgTable, uuid, timestamp, text, index, unique } from 'drizzle-orm/pg-core';
import { participantStatusEnum } from './enums.js';
import { blends } from './blends.js';
import { users } from './users.js';

export { participantStatusEnum };

/** `leftOutReason` records why the worker built the blend without this member (told by DM). */
export const blendParticipants = pgTable('blend_participants', {
  id: uuid('id').defaultRandom().primaryKey(),
  blendId: uuid('blend_id').references(() => blends.id, { onDelete: 'cascade' }).notNull(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }).notNull(),
  status: participantStatusEnum('status').default('pending').notNull(),
  joinedAt: timestamp('joined_at'),
  leftOutReason: text('left_out_reason'),
}, (t) => [
  index('idx_blend_participants_blend_id').on(t.blendId),
  index('idx_blend_participants_user_id').on(t.userId),
  unique('blend_participants_blend_user_unique').on(t.blendId, t.userId),
]);
