/**
 * Character-level folding shared by title and artist normalisation.
 *
 * Rules (the same on both platforms, so Spotify's and Apple's spellings meet):
 * - compatibility decomposition (NFKD): full-width and half-width forms, ligatures, "ﬁ";
 * - accents are dropped from Latin letters only ("Beyoncé" → "beyonce"); marks on other
 *   scripts are meaning (Devanagari vowel signs, kana voicing) and are kept, then recomposed;
 * - Latin letters that do not decompose are spelled out ("ø" → "o", "ß" → "ss");
 * - apostrophes of every kind and dots vanish ("Don’t" = "Don't" = "Dont", "R.E.M." = "REM");
 * - "&" and "+" read as "and";
 * - every other non-letter, non-digit becomes a space; spaces collapse.
 *
 * Letters and digits of every script survive (`\p{L}`, `\p{N}`), so a Japanese or Cyrillic
 * title is never folded away. A string of only symbols (an emoji title) folds to "" and the
 * callers fall back to its raw lower-cased form.
 */

const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const APOSTROPHES_AND_DOTS = /['’‘`´ʼʻ′.]/g;
const AMPERSANDS = /\s*[&+＆]\s*/g;
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/** Latin letters that NFKD leaves alone. */
export const LATIN_SPELLINGS: Readonly<Record<string, string>> = {
  ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};
const SPELLED = new RegExp(`[${Object.keys(LATIN_SPELLINGS).join('')}]`, 'g');

const PLAIN_ASCII = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
const ASCII = /^[\x20-\x7e]*$/;

/** Folds `text` as described above; may return "" for symbol-only input. */
export function foldText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase(); // the common case: nothing to fold but case
  if (ASCII.test(text)) {
    // printable ASCII has no accents, compatibility forms or other scripts: skip Unicode work
    return text.toLowerCase().replace(APOSTROPHES_AND_DOTS, '').replace(AMPERSANDS, ' and ').replace(NON_WORD, ' ').trim();
  }
  return text
    .normalize('NFKD')
    .replace(LATIN_MARKS, '$1')
    .toLowerCase()
    .replace(SPELLED, (c) => LATIN_SPELLINGS[c] ?? c)
    .replace(APOSTROPHES_AND_DOTS, '')
    .replace(AMPERSANDS, ' and ')
    .replace(NON_WORD, ' ')
    .trim()
    .normalize('NFC');
}

/** The last resort for symbol-only strings: lower-cased, spaces collapsed, never folded away. */
export function rawFold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Drops a leading "the " when something is left after it ("The Beatles" = "Beatles"). */
export function dropLeadingThe(folded: string): string {
  return folded.startsWith('the ') && folded.length > 4 ? folded.slice(4) : folded;
}
