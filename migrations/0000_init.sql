CREATE TYPE "public"."blend_status" AS ENUM('pending', 'processing', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."participant_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."provider" AS ENUM('spotify', 'apple');--> statement-breakpoint
CREATE TYPE "public"."time_range" AS ENUM('short_term', 'medium_term', 'long_term');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"discord_id" text NOT NULL,
	"email" text,
	"display_name" text,
	"avatar_url" text,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "users_discord_id_unique" UNIQUE("discord_id"),
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "provider_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" "provider" NOT NULL,
	"provider_user_id" text NOT NULL,
	"access_token_encrypted" text NOT NULL,
	"refresh_token_encrypted" text,
	"token_expires_at" timestamp,
	"provider_metadata" jsonb,
	"last_sync_at" timestamp,
	"authorized_at" timestamp DEFAULT now() NOT NULL,
	"needs_relink_at" timestamp,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"updated_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "provider_connections_user_provider_unique" UNIQUE("user_id","provider")
);
--> statement-breakpoint
CREATE TABLE "user_top_tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"track_id" text NOT NULL,
	"track_name" text NOT NULL,
	"artist_name" text NOT NULL,
	"album_name" text,
	"album_art_url" text,
	"duration_ms" integer,
	"isrc" text,
	"track_metadata" jsonb,
	"time_range" time_range NOT NULL,
	"rank" integer NOT NULL,
	"fetched_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "user_top_tracks_connection_range_rank_unique" UNIQUE("connection_id","time_range","rank")
);
--> statement-breakpoint
CREATE TABLE "blends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"name" text NOT NULL,
	"share_code" text NOT NULL,
	"status" "blend_status" DEFAULT 'pending' NOT NULL,
	"blend_settings" jsonb DEFAULT '{}'::jsonb,
	"playlist_spotify_id" text,
	"playlist_apple_id" text,
	"playlist_spotify_url" text,
	"playlist_apple_url" text,
	"summary" jsonb,
	"guild_id" text,
	"channel_id" text,
	"message_id" text,
	"result_message_id" text,
	"closes_at" timestamp,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"locked_until" timestamp,
	"created_at" timestamp DEFAULT now() NOT NULL,
	"completed_at" timestamp,
	CONSTRAINT "blends_share_code_unique" UNIQUE("share_code"),
	CONSTRAINT "blends_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "blend_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"blend_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "participant_status" DEFAULT 'pending' NOT NULL,
	"joined_at" timestamp,
	"left_out_reason" text,
	CONSTRAINT "blend_participants_blend_user_unique" UNIQUE("blend_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "blend_tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"blend_id" uuid NOT NULL,
	"contributed_by" uuid NOT NULL,
	"track_id" text NOT NULL,
	"track_name" text NOT NULL,
	"artist_name" text NOT NULL,
	"album_name" text,
	"album_art_url" text,
	"duration_ms" integer,
	"isrc" text,
	"position" integer NOT NULL,
	"source_provider" text NOT NULL,
	"spotify_track_id" text,
	"apple_track_id" text,
	"shared_by" uuid[] DEFAULT '{}' NOT NULL,
	"added_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "blend_tracks_blend_position_unique" UNIQUE("blend_id","position")
);
--> statement-breakpoint
CREATE TABLE "oauth_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nonce_hash" text NOT NULL,
	"discord_id" text NOT NULL,
	"provider" "provider" NOT NULL,
	"code_verifier_encrypted" text,
	"expires_at" timestamp NOT NULL,
	"consumed_at" timestamp,
	"created_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "oauth_states_nonce_hash_unique" UNIQUE("nonce_hash")
);
--> statement-breakpoint
CREATE TABLE "track_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" "provider" NOT NULL,
	"storefront" text DEFAULT '' NOT NULL,
	"lookup_key" text NOT NULL,
	"provider_track_id" text,
	"track" jsonb,
	"checked_at" timestamp DEFAULT now() NOT NULL,
	CONSTRAINT "track_matches_provider_storefront_key_unique" UNIQUE("provider","storefront","lookup_key")
);
--> statement-breakpoint
ALTER TABLE "provider_connections" ADD CONSTRAINT "provider_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_top_tracks" ADD CONSTRAINT "user_top_tracks_connection_id_provider_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."provider_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blends" ADD CONSTRAINT "blends_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blend_participants" ADD CONSTRAINT "blend_participants_blend_id_blends_id_fk" FOREIGN KEY ("blend_id") REFERENCES "public"."blends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blend_participants" ADD CONSTRAINT "blend_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blend_tracks" ADD CONSTRAINT "blend_tracks_blend_id_blends_id_fk" FOREIGN KEY ("blend_id") REFERENCES "public"."blends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blend_tracks" ADD CONSTRAINT "blend_tracks_contributed_by_users_id_fk" FOREIGN KEY ("contributed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_provider_connections_user_id" ON "provider_connections" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_provider_connections_user_provider" ON "provider_connections" USING btree ("user_id","provider");--> statement-breakpoint
CREATE INDEX "idx_user_top_tracks_connection_id" ON "user_top_tracks" USING btree ("connection_id");--> statement-breakpoint
CREATE INDEX "idx_user_top_tracks_connection_time_range" ON "user_top_tracks" USING btree ("connection_id","time_range");--> statement-breakpoint
CREATE INDEX "idx_blends_share_code" ON "blends" USING btree ("share_code");--> statement-breakpoint
CREATE INDEX "idx_blends_status_closes_at" ON "blends" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "idx_blends_channel_id" ON "blends" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "idx_blend_participants_blend_id" ON "blend_participants" USING btree ("blend_id");--> statement-breakpoint
CREATE INDEX "idx_blend_participants_user_id" ON "blend_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "idx_blend_tracks_blend_id" ON "blend_tracks" USING btree ("blend_id");