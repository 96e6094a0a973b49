import { dropLeadingThe, foldText, rawFold } from './fold.js';
import { classifyQualifier } from './qualifiers.js';
import type { VersionClass } from './qualifiers.js';

/**
 * A title taken apart. Both platforms' conventions land in the same shape:
 * Spotify "Yesterday - Remastered 2009" and Apple "Yesterday (Remastered 2009)" both give
 * base "yesterday" with no versions; "Song (feat. X)" and "Song [feat. X]" give featured ["X"].
 */
export interface ParsedTitle {
  /** Folded title without qualifiers; "Pt." reads "part" and part numbers are digits. */
  readonly base: string;
  /**
   * What to type into a search: the raw title without neutral, edit and feature qualifiers,
   * version qualifiers kept unbracketed ("Yellow - Live in Buenos Aires" → "Yellow Live in Buenos Aires").
   */
  readonly display: string;
  readonly versions: ReadonlyMap<VersionClass, string>;
  /** Sorted edit tags ("radio-edit" …). */
  readonly edits: readonly string[];
  /** Featured artists named in the title, raw. */
  readonly featured: readonly string[];
  /** "2" for "Pt. 2" / "Part II"; null when the title names no part. */
  readonly part: string | null;
}

const GROUP = /\s*[([{（【]([^()[\]{}（）【】]*)[)\]}）】]/g;
const DASH = /\s+[-–—]\s+/;
const FEAT_GROUP = /^(?:feat\.?|ft\.?|featuring|with)\s+(.+)$/i;
const FEAT_TAIL = /\s+(?:feat\.?|ft\.?|featuring)\s+(.+)$/i;
const ARTIST_SEPARATOR = /\s*,\s*|\s+&\s+|\s+and\s+/i;

interface Collected { versions: Map<VersionClass, string>; edits: Set<string>; featured: string[]; versionWords: string[] }

/** Applies one qualifier; returns true when it is consumed (removed from the title). */
function consume(text: string, into: Collected): boolean {
  const feat = FEAT_GROUP.exec(text.trim());
  if (feat?.[1]) {
    into.featured.push(...feat[1].split(ARTIST_SEPARATOR).filter(Boolean));
    return true;
  }
  const meaning = classifyQualifier(foldText(text));
  if (!meaning.recognised) return false;
  for (const edit of meaning.edits) into.edits.add(edit);
  for (const [cls, detail] of meaning.versions) into.versions.set(cls, detail);
  if (meaning.versions.length > 0) into.versionWords.push(text.trim());
  return true;
}

const PART_WORDS: Readonly<Record<string, string>> = {
  i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10',
  one: '1', two: '2', three: '3', four: '4', five: '5',
};

/** "pt" → "part", part numbers as digits; returns the base and its part number. */
function canonicalParts(folded: string): { base: string; part: string | null } {
  if (!folded.includes('pt') && !folded.includes('part')) return { base: folded, part: null };
  const words = folded.replace(/\bpt(?=\d)/g, 'pt ').split(' ');
  let part: string | null = null;
  for (let i = 0; i < words.length; i += 1) {
    if (words[i] !== 'pt' && words[i] !== 'part') continue;
    const next = words[i + 1];
    const number = next === undefined ? undefined : /^\d+$/.test(next) ? String(Number(next)) : PART_WORDS[next];
    if (number === undefined) continue;
    words[i] = 'part';
    words[i + 1] = number;
    part = number;
  }
  return { base: words.join(' '), part };
}

/** Characters and words without which a title has no qualifier to take apart. */
const MAY_HAVE_QUALIFIERS = /[([{（【\-–—]|f(?:ea)?t/i;

const MAY_HAVE_GROUP = /[([{（【]/;
const MAY_HAVE_DASH = /\s[-–—]\s/;
const MAY_HAVE_FEAT = /f(?:ea)?t/i;

/** The title without the qualifiers `into` takes: bracket groups, dash suffixes, a trailing "feat. X". */
function strip(title: string, into: Collected): string {
  let rest = title.trim();
  if (MAY_HAVE_GROUP.test(rest)) rest = rest.replace(GROUP, (whole, inner: string) => (consume(inner, into) ? '' : whole));
  if (MAY_HAVE_DASH.test(rest)) {
    const [head = '', ...tails] = rest.split(DASH);
    rest = [head, ...tails.filter((tail) => !consume(tail, into))].join(' - ');
  }
  if (!MAY_HAVE_FEAT.test(rest)) return rest.trim();
  return rest.replace(FEAT_TAIL, (_whole, names: string) => {
    into.featured.push(...names.split(ARTIST_SEPARATOR).filter(Boolean));
    return '';
  }).trim();
}

/** Takes a title apart; see `ParsedTitle`. Never returns an empty base for a non-empty title. */
export function parseTitle(title: string): ParsedTitle {
  if (!MAY_HAVE_QUALIFIERS.test(title)) {
    const folded = foldText(title);
    const { base, part } = folded ? canonicalParts(dropLeadingThe(folded)) : { base: rawFold(title), part: null };
    return { base, part, display: title.trim(), versions: new Map(), edits: [], featured: [] };
  }
  const into: Collected = { versions: new Map(), edits: new Set(), featured: [], versionWords: [] };
  const rest = strip(title, into);
  const folded = foldText(rest);
  const { base, part } = folded ? canonicalParts(dropLeadingThe(folded)) : { base: rawFold(rest || title), part: null };
  return {
    base, part, display: rest ? [rest, ...into.versionWords].join(' ') : title.trim(), versions: into.versions,
    edits: [...into.edits].sort(), featured: into.featured.map((name) => name.trim()),
  };
}
