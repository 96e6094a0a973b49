-- Row level security, enforced by PostgreSQL itself (design.md "Data model").
--
-- Every data access runs inside withActor() (src/data/actor.ts), which does SET LOCAL ROLE to
-- one of the three roles below and sets the acting identity with set_config(..., true):
--   blend_user    the bot and the web acting for one Discord user (app.discord_id)
--   blend_worker  the worker and the bot's own housekeeping (sees everything it needs)
--   blend_public  the public page, for one share code (app.share_code)
-- None of them is a superuser or owns a table, and FORCE makes even the owner obey.

DO $$
BEGIN
  CREATE ROLE blend_user NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  CREATE ROLE blend_worker NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  CREATE ROLE blend_public NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- The connecting user must be able to SET ROLE to them (a superuser can anyway).
DO $$
BEGIN
  EXECUTE format('GRANT blend_user, blend_worker, blend_public TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO blend_user, blend_worker, blend_public;
--> statement-breakpoint

-- Identity helpers. SECURITY DEFINER so a policy can ask "who am I / which blends am I in"
-- without recursing into the policies of the tables it reads.
CREATE OR REPLACE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT id FROM users WHERE discord_id = nullif(current_setting('app.discord_id', true), '')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_my_blend_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT blend_id FROM blend_participants WHERE user_id = app_current_user_id()
  UNION
  SELECT id FROM blends WHERE created_by = app_current_user_id()
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_shared_blend_id() RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT id FROM blends
  WHERE status = 'completed' AND share_code = nullif(current_setting('app.share_code', true), '')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_current_user_id(), app_my_blend_ids(), app_shared_blend_id() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_user_id(), app_my_blend_ids(), app_shared_blend_id()
  TO blend_user, blend_worker, blend_public;
--> statement-breakpoint

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE provider_connections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE provider_connections FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_top_tracks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_top_tracks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE blends ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE blends FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE blend_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE blend_participants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE blend_tracks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE blend_tracks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE oauth_states ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE oauth_states FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE track_matches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE track_matches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint

-- blend_worker: the whole job, on every table.
GRANT SELECT, INSERT, UPDATE, DELETE ON users, provider_connections, user_top_tracks, blends,
  blend_participants, blend_tracks, oauth_states, track_matches TO blend_worker;
--> statement-breakpoint
CREATE POLICY worker_all ON users TO blend_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY worker_all ON provider_connections TO blend_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY worker_all ON user_top_tracks TO blend_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY worker_all ON blends TO blend_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY worker_all ON blend_participants TO blend_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY worker_all ON blend_tracks TO blend_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY worker_all ON oauth_states TO blend_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY worker_all ON track_matches TO blend_worker USING (true) WITH CHECK (true);
--> statement-breakpoint

-- blend_user: themselves, their connections and tracks, the blends they are in.
GRANT SELECT, INSERT, UPDATE ON users TO blend_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON provider_connections, user_top_tracks, oauth_states TO blend_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON blends, blend_participants TO blend_user;
--> statement-breakpoint
GRANT SELECT ON blend_tracks TO blend_user;
--> statement-breakpoint
-- A user sees themselves and the members of the blends they are in (display names for lists).
CREATE POLICY user_select ON users FOR SELECT TO blend_user USING (
  discord_id = current_setting('app.discord_id', true)
  OR id IN (SELECT user_id FROM blend_participants WHERE blend_id IN (SELECT app_my_blend_ids()))
);
--> statement-breakpoint
CREATE POLICY user_insert ON users FOR INSERT TO blend_user
  WITH CHECK (discord_id = current_setting('app.discord_id', true));
--> statement-breakpoint
CREATE POLICY user_update ON users FOR UPDATE TO blend_user
  USING (discord_id = current_setting('app.discord_id', true))
  WITH CHECK (discord_id = current_setting('app.discord_id', true));
--> statement-breakpoint
CREATE POLICY user_own ON provider_connections TO blend_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
CREATE POLICY user_own ON user_top_tracks TO blend_user
  USING (connection_id IN (SELECT id FROM provider_connections WHERE user_id = app_current_user_id()))
  WITH CHECK (connection_id IN (SELECT id FROM provider_connections WHERE user_id = app_current_user_id()));
--> statement-breakpoint
CREATE POLICY user_own ON oauth_states TO blend_user
  USING (discord_id = current_setting('app.discord_id', true))
  WITH CHECK (discord_id = current_setting('app.discord_id', true));
--> statement-breakpoint
-- A pending blend is announced in a public channel (name, creator, share code), so any user may
-- find it to join; once it is processing or completed only its members see it.
CREATE POLICY user_select ON blends FOR SELECT TO blend_user
  USING (status = 'pending' OR id IN (SELECT app_my_blend_ids()));
--> statement-breakpoint
CREATE POLICY user_insert ON blends FOR INSERT TO blend_user
  WITH CHECK (created_by = app_current_user_id());
--> statement-breakpoint
CREATE POLICY user_update ON blends FOR UPDATE TO blend_user
  USING (created_by = app_current_user_id()) WITH CHECK (created_by = app_current_user_id());
--> statement-breakpoint
CREATE POLICY user_select ON blend_participants FOR SELECT TO blend_user
  USING (blend_id IN (SELECT app_my_blend_ids()));
--> statement-breakpoint
-- A user adds and changes only their own participation, and joins only a pending blend.
CREATE POLICY user_insert ON blend_participants FOR INSERT TO blend_user
  WITH CHECK (user_id = app_current_user_id()
    AND blend_id IN (SELECT id FROM blends WHERE status = 'pending'));
--> statement-breakpoint
CREATE POLICY user_update ON blend_participants FOR UPDATE TO blend_user
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
--> statement-breakpoint
CREATE POLICY user_select ON blend_tracks FOR SELECT TO blend_user
  USING (blend_id IN (SELECT app_my_blend_ids()));
--> statement-breakpoint

-- blend_public: one completed blend, named by its share code, and only its summary columns.
GRANT SELECT (id, name, share_code, status, playlist_spotify_url, playlist_apple_url, summary, created_at, completed_at)
  ON blends TO blend_public;
--> statement-breakpoint
GRANT SELECT (blend_id, user_id, status) ON blend_participants TO blend_public;
--> statement-breakpoint
GRANT SELECT (id, display_name, avatar_url) ON users TO blend_public;
--> statement-breakpoint
GRANT SELECT (blend_id, contributed_by, track_name, artist_name, album_name, album_art_url, duration_ms, position, source_provider, spotify_track_id, apple_track_id, shared_by)
  ON blend_tracks TO blend_public;
--> statement-breakpoint
CREATE POLICY public_shared ON blends FOR SELECT TO blend_public USING (id = app_shared_blend_id());
--> statement-breakpoint
CREATE POLICY public_shared ON blend_participants FOR SELECT TO blend_public
  USING (blend_id = app_shared_blend_id());
--> statement-breakpoint
CREATE POLICY public_shared ON blend_tracks FOR SELECT TO blend_public USING (blend_id = app_shared_blend_id());
--> statement-breakpoint
CREATE POLICY public_shared ON users FOR SELECT TO blend_public USING (
  id IN (SELECT user_id FROM blend_participants WHERE blend_id = app_shared_blend_id())
);
