import { createHash } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Deterministic, realistic-looking ids, so fixtures and demo transcripts are stable. */
function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** 22 base62 characters, like a Spotify id. */
export function spotifyId(seed: string): string {
  const bytes = digest(`spotify:${seed}`);
  return Array.from({ length: 22 }, (_, i) => BASE62[(bytes[i] as number) % 62]).join('');
}

/** A 10-digit number, like an Apple Music catalog id. */
export function appleId(seed: string): string {
  const n = digest(`apple:${seed}`).readUInt32BE(0);
  return String(1_000_000_000 + (n % 900_000_000));
}

/** `i.` + 14 base62 characters, like an Apple library id. */
export function appleLibraryId(seed: string): string {
  const bytes = digest(`apple-library:${seed}`);
  return `i.${Array.from({ length: 14 }, (_, i) => BASE62[(bytes[i] as number) % 62]).join('')}`;
}

export function hex(seed: string, length = 32): string {
  return digest(seed).toString('hex').slice(0, length);
}

export function slug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
