/**
 * Character folding shared by catalog keys and the text scanner, so that both sides meet in one form:
 * diacritics dropped ("Communiqué" = "Communique"), every apostrophe as "'", hyphens, dashes and all
 * whitespace (NBSP, line breaks) as one space. Case is kept: names match as capitalised in the catalog.
 * Tables are indexed by UTF-16 code unit, so folding never changes offsets.
 */

/** Folded value of characters the scanner skips: combining marks, soft hyphens, zero-width joiners. */
export const IGNORED = 0;
export const SPACE = 32;
export const APOSTROPHE = 39;

/** Folded code unit for each UTF-16 code unit. */
export const FOLD = new Uint16Array(65536);
/** 1 for letters and digits of scripts that separate words with spaces. */
export const WORD = new Uint8Array(65536);
/** 1 for ideographs and kana: names in these scripts match without word boundaries. */
export const UNSPACED = new Uint8Array(65536);
/** 1 for letters that have a distinct lower case, i.e. capitals. */
export const UPPER = new Uint8Array(65536);

const SPACE_LIKE = ' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000' +
  '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d';
const APOSTROPHE_LIKE = "'\u2018\u2019\u201b\u02bc\u02bb\u02b9\u0060\u00b4\u2032\uff07";
/** Letters that carry no combining mark under NFD but are read as their base letter. */
const EXTRA_LETTERS: Record<string, string> = { 'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H' };

(function buildTables() {
  for (let c = 0; c < 65536; c++) FOLD[c] = c;
  const letter = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      WORD[c] = 1; // astral letters: treat halves as word characters
      continue;
    }
    const ch = String.fromCharCode(c);
    if (ch !== ch.toLowerCase()) UPPER[c] = 1;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) UNSPACED[c] = 1;
    else if (letter.test(ch)) WORD[c] = 1;
  }
  const foldRanges: Array<[number, number]> = [[0x00c0, 0x024f], [0x1e00, 0x1eff]];
  for (const [lo, hi] of foldRanges) {
    for (let c = lo; c <= hi; c++) {
      const d = String.fromCharCode(c).normalize('NFD');
      if (d.length > 1 && /^\p{M}+$/u.test(d.slice(1))) FOLD[c] = d.charCodeAt(0);
    }
  }
  for (const [from, to] of Object.entries(EXTRA_LETTERS)) FOLD[from.charCodeAt(0)] = to.charCodeAt(0);
  for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) FOLD[c] = IGNORED;
  for (let c = 0x0300; c <= 0x036f; c++) {
    FOLD[c] = IGNORED;
    WORD[c] = 0;
  }
  for (const ch of SPACE_LIKE) FOLD[ch.charCodeAt(0)] = SPACE;
  for (const ch of APOSTROPHE_LIKE) {
    FOLD[ch.charCodeAt(0)] = APOSTROPHE;
    WORD[ch.charCodeAt(0)] = 0;
  }
})();

/** Folds a catalog name into the form the scanner compares with: spaces collapsed and trimmed. */
export function foldKey(name: string): string {
  const fold = FOLD;
  // Most names are already folded: return them as they are, without building a copy.
  let same = name.length > 0 && fold[name.charCodeAt(0)] !== SPACE && fold[name.charCodeAt(name.length - 1)] !== SPACE;
  for (let i = 0; same && i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (fold[c] !== c && !(c === SPACE && fold[name.charCodeAt(i + 1)] !== SPACE)) same = false;
  }
  if (same) return name;
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < name.length; i++) {
    const f = fold[name.charCodeAt(i)];
    if (f === IGNORED) continue;
    if (f === SPACE) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(f);
  }
  return out;
}

export function isUpperInitial(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** A copy sharing no memory with the text it was sliced from (a slice keeps the whole text alive). */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
