import type { Position, Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../text';
import { patterns, type CompiledPatterns, type SymbolPattern } from './patterns';
import type { Body, Pinpoint, RecognisedReference, Reference } from './types';

/**
 * LSP ranges for offsets that mostly grow as the scan moves on: a line cursor that walks forward instead of a
 * binary search per position (same results as LineIndex.range).
 */
class RangeCursor {
  private line = 0;
  constructor(readonly lines: LineIndex) {}

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  private position(offset: number): Position {
    const starts = this.lines.lineStarts;
    if (offset < starts[this.line]) return this.lines.positionAt(offset);
    let l = this.line;
    while (l + 1 < starts.length && starts[l + 1] <= offset) l++;
    this.line = l;
    return { line: l, character: Math.min(offset, this.lines.lineEnd(l)) - starts[l] };
  }
}

/** How far back from a keyword a body name and a pinpoint may start ("paragraph 11 (j) of the United Nations …"). */
const PREFIX_WINDOW = 200;

type Groups = Record<string, string | undefined>;

/**
 * Finds every UN document reference in `lines.text` between `from` and `to`: a fast prefilter pass finds
 * candidate spots, then sticky patterns read the phrase there (prefix, keyword, items of a list, symbols).
 */
export function recogniseReferences(lines: LineIndex, from = 0, to = lines.text.length): RecognisedReference[] {
  const text = lines.text;
  const cursor = new RangeCursor(lines);
  const p = patterns();
  const out: RecognisedReference[] = [];
  const prefilter = p.prefilter;
  prefilter.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = prefilter.exec(text)) !== null && m.index < to) {
    const at = m.index;
    const end = text.charCodeAt(at + 1) === 47 /* "/" */ ? readSymbolAt(text, at, cursor, p, out) : readPhraseAt(text, at, cursor, p, out);
    if (end !== null && end > prefilter.lastIndex) prefilter.lastIndex = end;
  }
  prefilter.lastIndex = 0;
  return out;
}

function isWordChar(code: number): boolean {
  // Letters and digits of any script; a cheap test first for ASCII.
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2007 || code === 0x2009 || code === 0x200a || code === 0x202f;
}

/** The word that ends before `at`, lower-cased ("" when none). */
function previousWord(text: string, at: number): string {
  let i = at;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  const end = i;
  while (i > 0 && isWordChar(text.charCodeAt(i - 1))) i--;
  return text.slice(i, end).toLowerCase();
}

/** Past optional spacing with at most one line break (the `osp` fragment, without allocating). */
function skipSpace(text: string, at: number): number {
  let i = at;
  let breaks = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (breaks++ > 0) return i;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else if (isSpace(c)) i++;
    else return i;
  }
}

/** "Senate Joint Resolution 115": a word before the keyword that makes it someone else's resolution. */
function isForeign(text: string, at: number, p: CompiledPatterns): boolean {
  let before = at;
  while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
  if (!p.foreignLastChars.has(text.charCodeAt(before - 1) | 32)) return false;
  return p.foreignQualifiers.has(previousWord(text, at));
}

interface Prefix {
  start: number;
  body: Body | null;
  pinpoint: Pinpoint | null;
}

/** Reads an optional pinpoint and body name that end right before `at`; null when there is neither. */
function readPrefix(text: string, at: number, lines: RangeCursor, p: CompiledPatterns): Prefix | null {
  // Fast path: most keywords follow a word that can end neither a body name nor "paragraph 6 of (the)".
  let before = at;
  while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
  const last = text.charCodeAt(before - 1) | 32;
  if (!p.prefixLastChars.has(last) || !p.prefixLastWords.has(previousWord(text, at))) return null;
  const windowStart = Math.max(0, at - PREFIX_WINDOW);
  const m = p.prefix.exec(text.slice(windowStart, at));
  if (m === null || m[0].length === 0) return null;
  const g = m.groups as Groups;
  let body: Body | null = null;
  p.prefixBodies.forEach((b, i) => {
    if (g[`body${i}`] !== undefined) body = b;
  });
  let pinpoint: Pinpoint | null = null;
  if (g.pinText !== undefined) {
    const start = windowStart + m.index;
    const end = start + g.pinText.length;
    const subs = [...(g.subs ?? '').matchAll(/\(([a-z]{1,5})\)/g)].map((s) => s[1]);
    const path = [(g.pre !== undefined ? 'PP' : '') + g.para, ...subs].join('.');
    pinpoint = { path, text: g.pinText, start, end, range: lines.range(start, end) };
  }
  const bodyStart = body === null ? at : at - (m[0].length - (g.pin?.length ?? 0));
  return { start: bodyStart, body, pinpoint };
}

/** A phrase at a keyword ("resolution", "Res.") or an abbreviation ("UNSCR"): its prefix and its list of items. */
function readPhraseAt(
  text: string,
  at: number,
  lines: RangeCursor,
  p: CompiledPatterns,
  out: RecognisedReference[],
): number | null {
  if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return null;
  let body: Body | null;
  let plural: boolean;
  let afterKeyword: number;
  let prefix: Prefix | null;
  let ab: RegExpExecArray | null = null;
  if (text.charCodeAt(at) === 85 /* "U": abbreviations start so */) {
    p.abbreviation.lastIndex = at;
    ab = p.abbreviation.exec(text);
  }
  if (ab !== null) {
    ({ body, plural } = p.abbreviationInfo(ab[0]));
    afterKeyword = at + ab[0].length;
    const found = readPrefix(text, at, lines, p);
    prefix = found?.body === null ? found : null;
  } else {
    p.keyword.lastIndex = at;
    if (!p.keyword.test(text)) return null;
    afterKeyword = p.keyword.lastIndex;
    const info = p.keywordInfo(text.slice(at, afterKeyword));
    prefix = readPrefix(text, at, lines, p);
    body = prefix?.body ?? null;
    if (body === null && (info.needsBody || isForeign(text, at, p))) return null;
    plural = info.plural;
  }
  let pos = skipSpace(text, afterKeyword);
  const start = prefix?.start ?? at;
  const pinpoint = prefix?.pinpoint ?? null;

  // "UNSCR S/RES/2735 (2024)": a full symbol after the keyword is the one reference.
  if (text.charCodeAt(pos + 1) === 47) {
    return readSymbolAt(text, pos, lines, p, out, start, pinpoint);
  }
  p.item.lastIndex = pos;
  let item = p.item.exec(text);
  if (item === null) return null;
  const first = itemReference(item.groups as Groups, body);
  if (first === null) return null;
  let end = pos + item[0].length;
  out.push(finish(first, start, end, lines, pinpoint));
  // Further items of a list: each its own reference. Without a plural keyword only items that carry a year
  // or a session continue the list ("resolution 2254 and 15 members" is one reference).
  for (;;) {
    // Lists go on only after a comma or a joining word; most references are followed by neither.
    const after = text.charCodeAt(skipSpace(text, end));
    if (after !== 44 /* , */ && after !== 97 /* a */ && after !== 111 /* o */ && after !== 38 /* & */) break;
    p.separator.lastIndex = end;
    if (p.separator.exec(text) === null) break;
    pos = p.separator.lastIndex;
    p.item.lastIndex = pos;
    item = p.item.exec(text);
    if (item === null) break;
    const g = item.groups as Groups;
    if (!plural && g.year === undefined && g.roman === undefined && g.gaNumber === undefined) break;
    const next = itemReference(g, body);
    if (next === null) break;
    end = pos + item[0].length;
    out.push(finish(next, pos, end, lines, null));
  }
  return end;
}

type Parts = Omit<RecognisedReference, 'text' | 'start' | 'end' | 'range' | 'pinpoint'>;

function finish(
  parts: Parts,
  start: number,
  end: number,
  lines: RangeCursor,
  pinpoint: Pinpoint | null,
): RecognisedReference {
  return new ReferenceNode(lines.lines, parts, start, end, pinpoint);
}

/**
 * A reference whose text and range are read from the document when first asked for: a long statement cites
 * tens of thousands of documents, and most requests look at a few. One class keeps one object shape, and
 * the resolution fields are there from the start (as "not yet resolved") so that resolving fills them in place.
 */
class ReferenceNode implements Reference {
  kind: Reference['kind'];
  body: Reference['body'];
  symbol: string;
  number: string | null;
  session: string | undefined;
  year: string | null;
  part: string | undefined;
  status: Reference['status'] = 'unknown';
  adoptedYear: number | null = null;
  approximate = false;
  yearMismatch = false;
  reason: string | null = null;
  #range?: Range;

  constructor(
    private readonly lines: LineIndex,
    parts: Parts,
    readonly start: number,
    readonly end: number,
    readonly pinpoint: Pinpoint | null,
  ) {
    this.kind = parts.kind;
    this.body = parts.body;
    this.symbol = parts.symbol;
    this.number = parts.number;
    this.session = parts.session;
    this.year = parts.year;
    this.part = parts.part;
  }

  get text(): string {
    return this.lines.text.slice(this.start, this.end);
  }

  get range(): Range {
    return (this.#range ??= this.lines.range(this.start, this.end));
  }

  /** Plain data for JSON: the getters above live on the prototype, which JSON.stringify skips. */
  toJSON(): Omit<Reference, never> {
    const { text, start, end, range, kind, body, symbol, number, session, year, part, pinpoint, status, adoptedYear, approximate, yearMismatch, reason } = this;
    return { text, start, end, range, kind, body, symbol, number, session, year, part, pinpoint, status, adoptedYear, approximate, yearMismatch, reason };
  }
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
function romanToNumber(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN[roman[i]];
    const next = ROMAN[roman[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** One list item read under the body named before it (null body: "N (YYYY)" is SC, "N/M" is GA). */
function itemReference(g: Groups, body: Body | null): Parts | null {
  if (g.gaNumber !== undefined) {
    const session = g.gaSession as string;
    const special = g.gaSpecial;
    if ((body === null || body === 'GA') && session.length <= 3) {
      const s = special === undefined ? session : `${special}-${session}`;
      const part = g.part;
      return {
        kind: 'resolution', body: 'GA', symbol: `A/RES/${s}/${g.gaNumber}${part ? ` ${part}` : ''}`,
        number: g.gaNumber, session: s, year: null, ...(part ? { part } : {}),
      };
    }
    if (body === 'HRC' && special !== 'ES' && session.length <= 2) {
      const s = special === undefined ? session : `S-${session}`;
      return { kind: 'resolution', body: 'HRC', symbol: `A/HRC/RES/${s}/${g.gaNumber}`, number: g.gaNumber, session: s, year: null };
    }
    if (body === 'ECOSOC' && special === undefined && /^(19|20)\d\d$/.test(session)) {
      return { kind: 'resolution', body: 'ECOSOC', symbol: `E/RES/${session}/${g.gaNumber}`, number: g.gaNumber, session, year: session };
    }
    return null;
  }
  const n = g.scNumber as string;
  if (g.roman !== undefined) {
    if (body !== null && body !== 'GA') return null;
    return {
      kind: 'resolution', body: 'GA', symbol: `A/RES/${n} (${g.roman})`, number: n,
      session: String(romanToNumber(g.roman)), year: null,
    };
  }
  if (body === null || body === 'SC') {
    const year = g.year ?? null;
    return { kind: 'resolution', body: 'SC', symbol: `S/RES/${n}${year ? ` (${year})` : ''}`, number: n, year };
  }
  if (body === 'GA') return { kind: 'resolution', body: 'GA', symbol: `A/RES/${n}`, number: n, year: g.year ?? null };
  return null;
}

/** A symbol ("S/RES/2254 (2015)", "A/HRC/32/CRP.1") at `at`; `start` and `pinpoint` when a phrase leads to it. */
function readSymbolAt(
  text: string,
  at: number,
  lines: RangeCursor,
  p: CompiledPatterns,
  out: RecognisedReference[],
  start?: number,
  pinpoint?: Pinpoint | null,
): number | null {
  if (start === undefined && at > 0 && /[\p{L}\p{N}/._\\-]/u.test(text[at - 1])) return null;
  for (const s of p.symbols) {
    s.regex.lastIndex = at;
    const m = s.regex.exec(text);
    if (m === null) continue;
    const parts = symbolParts(s, m.groups as Groups, p);
    if (parts === null) continue;
    const end = at + m[0].length;
    const lead = start ?? at;
    const pin = pinpoint !== undefined ? pinpoint : (readPrefix(text, at, lines, p)?.pinpoint ?? null);
    out.push(finish(parts, lead, end, lines, pin));
    return end;
  }
  return null;
}

function symbolParts(s: SymbolPattern, g: Groups, p: CompiledPatterns): Parts | null {
  const number = g.number ?? null;
  switch (s.name) {
    case 'sc-resolution': {
      const year = g.year ?? null;
      return { kind: s.kind, body: 'SC', symbol: `S/RES/${number}${year ? ` (${year})` : ''}`, number, year };
    }
    case 'hrc-resolution':
    case 'ga-resolution': {
      const session = g.special !== undefined ? `${g.special}-${g.session}` : (g.session as string);
      const series = s.body === 'HRC' ? 'A/HRC/RES' : 'A/RES';
      const part = g.part;
      return {
        kind: s.kind, body: s.body, symbol: `${series}/${session}/${number}${part ? ` ${part}` : ''}`,
        number, session, year: null, ...(part ? { part } : {}),
      };
    }
    case 'ga-resolution-roman':
      return {
        kind: s.kind, body: 'GA', symbol: `A/RES/${number} (${g.roman})`, number,
        session: String(romanToNumber(g.roman as string)), year: null,
      };
    case 'ecosoc-resolution':
      return { kind: s.kind, body: 'ECOSOC', symbol: `E/RES/${g.year}/${number}`, number, session: g.year, year: g.year ?? null };
    case 'presidential-statement':
      return { kind: s.kind, body: 'SC', symbol: `S/PRST/${g.year}/${number}`, number, year: g.year ?? null };
    default: {
      const series = g.series as string;
      const parts = (g.parts as string).slice(1).split('/');
      const numeric = parts.filter((x) => /^\d+$/.test(x));
      const dotted = parts.some((x) => /\.\d/.test(x));
      if (s.needsNumberedPart && (!parts.some((x) => /\d/.test(x)) || (parts.length < 2 && !dotted))) return null;
      const year = numeric.find((x) => /^(19|20)\d\d$/.test(x)) ?? null;
      const session = series === 'A' || series === 'A/HRC' ? numeric.find((x) => x.length <= 2) : undefined;
      return {
        kind: 'document', body: p.series[series] ?? null, symbol: `${series}/${parts.join('/')}`,
        number: ownNumber(parts, session), year, ...(session ? { session } : {}),
      };
    }
  }
}

/** A document's own number: its last numbered part other than a session or a Rev./Add./Corr. suffix. */
function ownNumber(parts: string[], session: string | undefined): string | null {
  const own = parts.filter((x) => /\d/.test(x) && !/^(Rev|Add|Corr|Amend|Suppl)\./.test(x) && x !== session);
  return own.length > 0 ? own[own.length - 1] : null;
}
