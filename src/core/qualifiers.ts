/**
 * What a title's qualifier says about the recording. A qualifier is a bracketed group
 * ("(Remastered 2011)", "[Radio Edit]") or a Spotify-style dash suffix (" - Live at Wembley"),
 * already folded by `foldText` (lower case, no punctuation or apostrophes).
 *
 * Three kinds of words, looked for in this order:
 * - NEUTRAL: the same recording, whatever it says (remasters, explicit/clean, mono/stereo,
 *   editions, soundtrack credits). Ignored for matching.
 * - EDIT: the same performance, possibly cut differently (radio edit, single/album version).
 *   Kept in the key; two tracks that differ only here match only if their durations agree.
 * - VERSION: a different recording (live, remix, acoustic, instrumental, karaoke, sped up,
 *   slowed, re-recordings such as "Taylor's Version", demo, reprise …). Two tracks match only
 *   if they carry the same version classes. Any leftover "version" or "mix" word that no rule
 *   explains is a VERSION too: false positives are worse than misses.
 */

export type VersionClass =
  | 'live' | 'remix' | 'acoustic' | 'instrumental' | 'karaoke' | 'sped-up' | 'slowed'
  | 're-recorded' | 'demo' | 'reprise' | 'a-cappella' | 'extended' | 'orchestral' | 'cover'
  | 'other-version';

export const NEUTRAL_PATTERNS: readonly RegExp[] = [
  /\b(?:\d{4} )?(?:digital(?:ly)? )?re ?master(?:ed|ing)?(?: \d{4})?(?: version| edition| mix)?\b/g,
  /\b(?:explicit|clean|censored|dirty)(?: version| edit| lp version)?\b/g,
  /\b(?:\d{4} )?(?:mono|stereo)(?: version| mix| edit)?\b/g,
  /\b(?:deluxe|expanded|anniversary|special|collectors|bonus|super deluxe)(?: edition| version| track)?\b/g,
  /\b(?:edition|bonus track)\b/g,
  /^from\b.*$/g,
  /\b(?:original )?(?:motion picture )?(?:soundtrack|score)(?: version)?\b/g,
];

export const EDIT_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/\bradio (?:edit|version|mix|cut)\b/g, 'radio-edit'],
  [/\b(?:single|7 inch|7) (?:version|edit|mix)\b/g, 'single-version'],
  [/\balbum (?:version|edit|mix)\b/g, 'album-version'],
  [/\boriginal (?:mix|version|edit)\b/g, 'original-mix'],
  [/\bshort (?:version|edit)\b/g, 'short-edit'],
  [/\bedit\b/g, 'edit'],
];

export const VERSION_PATTERNS: readonly (readonly [RegExp, VersionClass])[] = [
  [/\b(?:live|in concert|unplugged|sessions?|concert|recorded at)\b/, 'live'],
  [/\b(?:re ?mix(?:ed)?|rework|vip|bootleg|dub|flip|mash ?up)\b/, 'remix'],
  [/\b(?:acoustic|stripped)\b/, 'acoustic'],
  [/\binstrumental\b/, 'instrumental'],
  [/\b(?:karaoke|originally performed by|in the style of|made famous by|backing track|tribute)\b/, 'karaoke'],
  [/\b(?:sped up|speed up|nightcore|super sped)\b/, 'sped-up'],
  [/\b(?:slowed|reverb|chopped)\b/, 'slowed'],
  [/\b(?:re ?recorded|re ?record(?:ing)?|new recording|\d{4} (?:version|recording)|[\p{L}\p{N}]+s version)\b/u, 're-recorded'],
  [/\bdemo\b/, 'demo'],
  [/\breprise\b/, 'reprise'],
  [/\ba ?cc?app?ell?a\b/, 'a-cappella'],
  [/\bextended\b/, 'extended'],
  [/\b(?:orchestral|symphonic)\b/, 'orchestral'],
  [/\bcover\b/, 'cover'],
];

/** A "version", "mix" or "take" that no VERSION_PATTERNS rule explains. */
export const OTHER_VERSION_PATTERN = /\b(?:version|mix|take)\b/;

/** A qualifier that names a part ("Pt. 2", "Part II") belongs to the title itself. */
export const PART_PATTERN = /\b(?:part|pt)\s*(?:\d+|[ivx]+|one|two|three|four|five)\b/;

/** What one qualifier says; `recognised: false` means it is part of the title. */
export interface QualifierMeaning {
  readonly recognised: boolean;
  readonly edits: readonly string[];
  /** Version class → the qualifier's own words (used to tell remixers apart). */
  readonly versions: readonly (readonly [VersionClass, string])[];
}

const YEAR = /\b\d{4}\b/g;
/** Cheap first looks: when these find nothing, the full pattern lists cannot either. */
const MAY_BE_NEUTRAL = /master|explicit|clean|censored|dirty|mono|stereo|deluxe|expanded|anniversary|special|collectors|bonus|edition|^from|soundtrack|score/;
const MAY_BE_EDIT = /\b(?:edit|version|mix|cut)\b/;
const MAY_BE_VERSION = new RegExp([...VERSION_PATTERNS.map(([p]) => p.source), OTHER_VERSION_PATTERN.source].join('|'), 'u');

function dropNeutral(folded: string): { rest: string; recognised: boolean } {
  if (!MAY_BE_NEUTRAL.test(folded)) return { rest: folded, recognised: false };
  let rest = folded;
  for (const pattern of NEUTRAL_PATTERNS) rest = rest.replace(pattern, ' ');
  return { rest, recognised: rest !== folded };
}

function dropEdits(text: string): { rest: string; edits: string[] } {
  const edits: string[] = [];
  if (!MAY_BE_EDIT.test(text)) return { rest: text, edits };
  let rest = text;
  for (const [pattern, tag] of EDIT_PATTERNS) {
    const next = rest.replace(pattern, ' ');
    if (next !== rest) edits.push(tag);
    rest = next;
  }
  return { rest, edits };
}

/** Classifies one folded qualifier. */
export function classifyQualifier(folded: string): QualifierMeaning {
  if (PART_PATTERN.test(folded)) return { recognised: false, edits: [], versions: [] };
  const neutral = dropNeutral(folded);
  const { rest, edits } = dropEdits(neutral.rest);
  const recognised = neutral.recognised;
  const detail = rest.replace(YEAR, ' ').replace(/\s+/g, ' ').trim();
  const versions = !MAY_BE_VERSION.test(detail) ? [] : VERSION_PATTERNS.filter(([pattern]) => pattern.test(detail))
    .map(([, cls]) => [cls, detail] as const);
  if (versions.length === 0 && OTHER_VERSION_PATTERN.test(detail)) versions.push(['other-version', detail] as const);
  return { recognised: recognised || edits.length > 0 || versions.length > 0, edits, versions };
}
