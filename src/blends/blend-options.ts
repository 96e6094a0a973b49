import { UserFacingError } from '../errors.js';
import { BLEND_NAME_MAX, BLEND_SIZE, CLOSES_IN_MINUTES } from './limits.js';

const MASS_MENTION = /@(everyone|here)\b/i;

/**
 * A blend name as typed → the trimmed name, or a clear error. Discord enforces the length
 * limits of the option too, but only on its own clients; the bot checks again.
 */
export function parseBlendName(raw: string | null): string {
  const name = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') throw new UserFacingError('Give the Blend a name, for example `/blend start name:Friday night`.');
  if (name.length > BLEND_NAME_MAX) {
    throw new UserFacingError(`Blend names can be at most ${BLEND_NAME_MAX} characters; yours has ${name.length}.`);
  }
  if (MASS_MENTION.test(name)) throw new UserFacingError('Blend names can\'t contain @everyone or @here.');
  return name;
}

export function parseBlendSize(raw: number | null): number {
  if (raw === null) return BLEND_SIZE.default;
  if (!Number.isInteger(raw) || raw < BLEND_SIZE.min || raw > BLEND_SIZE.max) {
    throw new UserFacingError(`The playlist size must be between ${BLEND_SIZE.min} and ${BLEND_SIZE.max} tracks.`);
  }
  return raw;
}

/** `closes_in` minutes → when joining closes, or null for "when the creator finishes it". */
export function parseClosesAt(raw: number | null, now: Date): Date | null {
  if (raw === null) return null;
  if (!Number.isInteger(raw) || raw < CLOSES_IN_MINUTES.min || raw > CLOSES_IN_MINUTES.max) {
    throw new UserFacingError(`\`closes_in\` must be between ${CLOSES_IN_MINUTES.min} and ${CLOSES_IN_MINUTES.max} minutes (one week).`);
  }
  return new Date(now.getTime() + raw * 60_000);
}
