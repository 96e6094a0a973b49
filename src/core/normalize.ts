import { dropLeadingThe, foldText, rawFold } from './fold.js';
import { parseTitle } from './parse-title.js';

/**
 * Normalised forms of titles, artists and ISRCs: the strings keys and comparisons are made of.
 * See fold.ts for the character rules and qualifiers.ts for what "(Live)" or " - Remastered"
 * mean.
 */

/**
 * A title's matching form: the folded base title, then its version and edit tags in brackets.
 * Neutral qualifiers and featured artists are dropped, so Spotify "Yesterday - Remastered 2009"
 * and Apple "Yesterday (Remastered 2009)" both give "yesterday", while "Yesterday - Live"
 * gives "yesterday [live]". Never "" for a non-empty title (non-Latin scripts survive; a
 * symbol-only title keeps its raw lower-cased form).
 */
export function normalizeTitle(title: string): string {
  const parsed = parseTitle(title);
  const tags = [...[...parsed.versions.keys()].sort(), ...parsed.edits];
  return tags.length === 0 ? parsed.base : `${parsed.base} [${tags.join(' ')}]`;
}

const TRAILING_THE = /,\s*the\s*$/i;

/**
 * One artist name's matching form: folded, "&"/"+" read as "and", a leading "The" dropped
 * ("The Beatles" = "Beatles" = "Beatles, The"). Never "" for a non-empty name ("!!!" stays).
 */
export function normalizeArtist(name: string): string {
  const plain = name.replace(TRAILING_THE, '');
  const folded = foldText(plain);
  return folded ? dropLeadingThe(folded) : rawFold(name);
}

/** Normalises every name of a credit list (after splitting Apple-style joined strings). */
export function normalizeArtists(artists: readonly string[]): string[] {
  return splitArtistList(artists).map(normalizeArtist);
}

/**
 * Acts whose names contain the separators Apple uses between artists. Best effort: the
 * matcher does not rely on it (it compares the unsplit credit as well as the split one).
 */
export const COMPOUND_ARTISTS: ReadonlySet<string> = new Set([
  'tyler the creator', 'earth wind and fire', 'simon and garfunkel', 'hall and oates',
  'daryl hall and john oates', 'crosby stills nash and young', 'crosby stills and nash',
  'florence and the machine', 'mumford and sons', 'marina and the diamonds', 'kool and the gang',
  'belle and sebastian', 'of monsters and men', 'chase and status', 'above and beyond',
  'years and years', 'angus and julia stone', 'brooks and dunn', 'sam and dave',
  'peter paul and mary', 'emerson lake and palmer', 'blood sweat and tears',
  'derek and the dominos', 'katrina and the waves', 'echo and the bunnymen',
  'siouxsie and the banshees', 'huey lewis and the news', 'tom petty and the heartbreakers',
  'bob marley and the wailers', 'prince and the revolution', 'ike and tina turner',
  'kc and the sunshine band', 'hootie and the blowfish', 'she and him', 'matt and kim',
  'chloe x halle', 'dan and shay', 'maddie and tae', 'big and rich', 'karen o and the kids',
  'nick cave and the bad seeds', 'elvis costello and the attractions',
]);

/** First words of COMPOUND_ARTISTS: only a credit piece starting with one can begin such an act. */
const COMPOUND_FIRST_WORDS: ReadonlySet<string> = new Set([...COMPOUND_ARTISTS].map((name) => name.split(' ')[0] ?? ''));
const firstWord = (piece: string) => foldText(piece.trim().replace(/^the\s+/i, '').split(/\s/)[0] ?? '');

const SEPARATOR = /(\s*,\s*|\s+&\s+|\s*;\s*|\s+(?:feat\.?|ft\.?|featuring)\s+)/i;
/** Without one of these characters or words, a credit names one artist. */
export const MAY_BE_JOINED = /[,&;]|f(?:ea)?t/i;

/** Every name between separators, known compound acts included ("Earth", "Wind", "Fire"). */
export function splitArtistsNaively(credit: string): string[] {
  if (!MAY_BE_JOINED.test(credit)) return credit.trim() ? [credit.trim()] : [];
  return credit.split(SEPARATOR).filter((_piece, i) => i % 2 === 0).map((name) => name.trim()).filter(Boolean);
}

/**
 * Splits Apple's joined credit ("A, B & C", "A feat. B") into names, keeping known compound
 * acts ("Earth, Wind & Fire", "Tyler, The Creator") whole.
 */
export function splitArtists(credit: string): string[] {
  if (!MAY_BE_JOINED.test(credit)) return credit.trim() ? [credit.trim()] : [];
  const pieces = credit.split(SEPARATOR);
  const names: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    let end = i;
    const mayBeCompound = pieces.length > i + 1 && COMPOUND_FIRST_WORDS.has(firstWord(pieces[i] ?? ''));
    for (let j = pieces.length - 1; mayBeCompound && j > i; j -= 2) {
      if (COMPOUND_ARTISTS.has(dropLeadingThe(foldText(pieces.slice(i, j + 1).join(''))))) {
        end = j;
        break;
      }
    }
    const name = pieces.slice(i, end + 1).join('').trim();
    if (name) names.push(name);
    i = end;
  }
  return names;
}

/** Splits every entry of a credit list (Spotify's arrays pass through unchanged). */
export function splitArtistList(artists: readonly string[]): string[] {
  return artists.flatMap(splitArtists);
}

/** The main credited artist, raw: Spotify's first artist, or the first name in Apple's string. */
export function primaryArtist(artists: readonly string[]): string {
  const first = artists[0] ?? '';
  return splitArtists(first)[0] ?? first;
}

const ISRC_SHAPE = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/**
 * An ISRC compared case-insensitively with spaces and hyphens ignored; undefined unless it has
 * the ISO 3901 shape (CC-XXX-YY-NNNNN), so junk such as "0000000000" never matches anything.
 */
export function normalizeIsrc(isrc: string | undefined): string | undefined {
  if (!isrc) return undefined;
  const compact = isrc.trim().toUpperCase().replace(/[\s-]/g, '');
  return ISRC_SHAPE.test(compact) ? compact : undefined;
}
