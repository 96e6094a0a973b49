-- Closes holes found reviewing 0001_rls.sql (each one is proven closed in test/rls/).
--
-- 1. A user could write what only the worker should: insert a blend that is already
--    `completed`, or update their own blend to `completed` with any summary and playlist URLs,
--    and so publish a page on our domain with "Open in Spotify" buttons pointing anywhere.
--    Now a user creates blends pending and bare, changes only their own blend while it is
--    pending (finish it, cancel it, rename it), and only a few columns of it.
-- 2. A user could update any column of their own participation: move it to another blend
--    (`blend_id`), or accept themselves again in a blend that is being built or finished.
--    Now they change only the status and join time, and only while the blend is pending,
--    which is also the only time the bot changes it (join, leave, link, unlink).
-- 3. A user could change their own `users.id` (only foreign keys stood in the way): now they
--    update only their display name, avatar, email and updated_at.
-- 4. The public role saw every participant of a completed blend, including members who left
--    it, and their `avatar_url`, whose Discord CDN path contains the member's Discord id.
--    Now it sees accepted members only, and no avatar.

ALTER POLICY user_insert ON blends TO blend_user WITH CHECK (
  created_by = app_current_user_id()
  AND status = 'pending'
  AND summary IS NULL
  AND playlist_spotify_id IS NULL AND playlist_apple_id IS NULL
  AND playlist_spotify_url IS NULL AND playlist_apple_url IS NULL
  AND message_id IS NULL AND result_message_id IS NULL
  AND completed_at IS NULL AND locked_until IS NULL AND last_error IS NULL AND attempts = 0
);
--> statement-breakpoint
ALTER POLICY user_update ON blends TO blend_user
  USING (created_by = app_current_user_id() AND status = 'pending')
  WITH CHECK (created_by = app_current_user_id() AND status IN ('pending', 'processing', 'cancelled'));
--> statement-breakpoint
REVOKE UPDATE ON blends FROM blend_user;
--> statement-breakpoint
GRANT UPDATE (name, status, closes_at, locked_until, blend_settings) ON blends TO blend_user;
--> statement-breakpoint

ALTER POLICY user_insert ON blend_participants TO blend_user WITH CHECK (
  user_id = app_current_user_id()
  AND left_out_reason IS NULL
  AND blend_id IN (SELECT id FROM blends WHERE status = 'pending')
);
--> statement-breakpoint
ALTER POLICY user_update ON blend_participants TO blend_user
  USING (user_id = app_current_user_id() AND blend_id IN (SELECT id FROM blends WHERE status = 'pending'))
  WITH CHECK (user_id = app_current_user_id() AND blend_id IN (SELECT id FROM blends WHERE status = 'pending'));
--> statement-breakpoint
REVOKE UPDATE ON blend_participants FROM blend_user;
--> statement-breakpoint
GRANT UPDATE (status, joined_at) ON blend_participants TO blend_user;
--> statement-breakpoint

REVOKE UPDATE ON users FROM blend_user;
--> statement-breakpoint
GRANT UPDATE (display_name, avatar_url, email, updated_at) ON users TO blend_user;
--> statement-breakpoint

REVOKE SELECT (avatar_url) ON users FROM blend_public;
--> statement-breakpoint
ALTER POLICY public_shared ON blend_participants TO blend_public
  USING (blend_id = app_shared_blend_id() AND status = 'accepted');
--> statement-breakpoint
ALTER POLICY public_shared ON users TO blend_public USING (
  id IN (SELECT user_id FROM blend_participants WHERE blend_id = app_shared_blend_id() AND status = 'accepted')
);
