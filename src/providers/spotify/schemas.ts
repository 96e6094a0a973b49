import { z } from 'zod';

/**
 * The Spotify Web API shapes blend-bot reads (as of the Feb 2026 dev-mode changes: no
 * `popularity`, `available_markets`, `linked_from`; `external_ids.isrc` kept). Objects are not
 * strict, so new fields pass; a missing or retyped field we rely on fails loudly.
 */
const Image = z.object({ url: z.string(), height: z.number().nullable().optional(), width: z.number().nullable().optional() });
const ArtistRef = z.object({ id: z.string().nullable().optional(), name: z.string() });

export const SpotifyTrack = z.object({
  id: z.string(),
  name: z.string(),
  uri: z.string(),
  duration_ms: z.number().int().nonnegative(),
  explicit: z.boolean().optional(),
  is_local: z.boolean().optional(),
  artists: z.array(ArtistRef),
  album: z.object({
    id: z.string().nullable().optional(),
    name: z.string(),
    images: z.array(Image).default([]),
    release_date: z.string().nullable().optional(),
  }).optional(),
  external_ids: z.object({ isrc: z.string().optional() }).optional(),
  external_urls: z.object({ spotify: z.string().optional() }).optional(),
  disc_number: z.number().optional(),
  track_number: z.number().optional(),
});
export type SpotifyTrack = z.infer<typeof SpotifyTrack>;

export const paging = <T extends z.ZodType>(item: T) => z.object({
  href: z.string().optional(),
  items: z.array(item),
  limit: z.number(),
  next: z.string().nullable(),
  offset: z.number(),
  previous: z.string().nullable().optional(),
  total: z.number(),
});

export const TopTracksPage = paging(SpotifyTrack);
export const SearchTracks = z.object({ tracks: paging(SpotifyTrack) });

export const SpotifyUser = z.object({
  id: z.string(),
  account_id: z.string().optional(),
  display_name: z.string().nullable().optional(),
  uri: z.string().optional(),
  external_urls: z.object({ spotify: z.string().optional() }).optional(),
  images: z.array(Image).nullable().optional(),
  product: z.string().optional(),
  country: z.string().optional(),
});

export const SpotifyPlaylist = z.object({
  id: z.string(),
  uri: z.string().optional(),
  name: z.string(),
  snapshot_id: z.string().optional(),
  external_urls: z.object({ spotify: z.string() }),
  owner: z.object({ id: z.string() }).optional(),
});

export const Snapshot = z.object({ snapshot_id: z.string() });

export const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().default(''),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
});

/** Web API errors: `{"error":{"status":403,"message":"…","reason"?:"QUOTA_EXCEEDED"}}`. */
export const WebApiError = z.object({ error: z.object({ status: z.number(), message: z.string().default(''), reason: z.string().optional() }) });
/** Accounts service errors: `{"error":"invalid_grant","error_description":"…"}`. */
export const AccountsError = z.object({ error: z.string(), error_description: z.string().optional() });
