import type { MarkerStyle } from './model';

/**
 * A paragraph marker at the start of a line's text: `1.`, `1)`, `(1)`, `1.1`, `(a)`, `a)`, `a.`, `(i)`, `i.`,
 * followed by a space, tab, NBSP or the line end. Group 1: parenthesised, 2: decimal, 3: arabic, 4: letters.
 */
const MARKER = /(?:\((\d{1,3}|[a-z]{1,6})\)|(\d{1,3}(?:\.\d{1,3})+)\.?|(\d{1,3})[.)]|([a-z]{1,6})[.)])(?=[ \t\u00A0\r\n]|$)/y;
/** Bullets that start an unnumbered list item; dashes are left out because wrapped prose starts lines with them. */
const BULLETS = '•◦▪‣⁃*';
const ROMAN = /^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

export interface RawMarker {
  /** Offsets of the marker itself, without indentation. */
  start: number;
  end: number;
  /** First character after the marker's spacing. */
  textStart: number;
  /** Digits or letters without punctuation. */
  label: string;
  /** Styles the label can have; letters such as "i" can be a letter or a roman numeral. */
  styles: MarkerStyle[];
}

/** Reads a marker at `start`, the first non-blank character of a line; null when there is none. */
export function matchMarker(text: string, start: number): RawMarker | null {
  const c = text.charCodeAt(start);
  // Only digits, "(" and lower-case letters can start a marker; most lines fail here without a regex.
  if (!((c >= 48 && c <= 57) || c === 40 || (c >= 97 && c <= 122))) return null;
  MARKER.lastIndex = start;
  const m = MARKER.exec(text);
  if (!m) return null;
  const end = MARKER.lastIndex;
  let label: string;
  let styles: MarkerStyle[];
  if (m[2] !== undefined) {
    // "5.2 billion" or "29.6 million" at the start of a wrapped line is an amount, not paragraph 5.2.
    if (/[a-z%]/.test(text[skipSpacing(text, end)] ?? '')) return null;
    label = m[2];
    styles = DECIMAL;
  } else if (m[3] !== undefined || (m[1] !== undefined && /^\d/.test(m[1]))) {
    label = m[3] ?? m[1];
    styles = ARABIC;
  } else {
    label = m[4] ?? m[1];
    styles = letterStyles(label);
    if (styles.length === 0) return null;
  }
  return { start, end, textStart: skipSpacing(text, end), label, styles };
}

/** A bullet list item at `start`, the first non-blank character of a line: the offset of its text, or -1. */
export function matchBullet(text: string, start: number): number {
  if (!BULLETS.includes(text[start])) return -1;
  const textStart = skipSpacing(text, start + 1);
  return textStart > start + 1 ? textStart : -1;
}

function skipSpacing(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 0xa0; c = text.charCodeAt(++i));
  return i;
}

const ARABIC: MarkerStyle[] = ['arabic'];
const DECIMAL: MarkerStyle[] = ['decimal'];
const LETTER: MarkerStyle[] = ['letter'];
const ROMAN_ONLY: MarkerStyle[] = ['roman'];
const LETTER_OR_ROMAN: MarkerStyle[] = ['letter', 'roman'];
const NONE: MarkerStyle[] = [];

function letterStyles(label: string): MarkerStyle[] {
  const letter = label.length === 1 || /^(.)\1+$/.test(label);
  const roman = (label.length > 1 || 'ivx'.includes(label)) && ROMAN.test(label);
  return letter ? (roman ? LETTER_OR_ROMAN : LETTER) : roman ? ROMAN_ONLY : NONE;
}

/** The position of a label in its sequence: 3 for "3", "c" and "iii"; the last component for "1.3". */
export function ordinalOf(label: string, style: MarkerStyle): number {
  switch (style) {
    case 'arabic':
      return Number(label);
    case 'decimal':
      return Number(label.slice(label.lastIndexOf('.') + 1));
    case 'letter':
      return (label.length - 1) * 26 + (label.charCodeAt(0) - 96);
    case 'roman':
      return romanValue(label);
  }
}

/** The label that has `ordinal` in the sequence of `like` (a label of the same style). */
export function labelFor(ordinal: number, style: MarkerStyle, like: string): string {
  switch (style) {
    case 'arabic':
      return String(ordinal);
    case 'decimal':
      return like.slice(0, like.lastIndexOf('.') + 1) + String(ordinal);
    case 'letter': {
      const letter = String.fromCharCode(96 + ((ordinal - 1) % 26) + 1);
      return letter.repeat(Math.floor((ordinal - 1) / 26) + 1);
    }
    case 'roman':
      return toRoman(ordinal);
  }
}

const ROMAN_DIGITS: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function romanValue(label: string): number {
  let value = 0;
  let i = 0;
  for (const [n, digits] of ROMAN_DIGITS) {
    while (label.startsWith(digits, i)) {
      value += n;
      i += digits.length;
    }
  }
  return value;
}

function toRoman(n: number): string {
  let out = '';
  for (const [value, digits] of ROMAN_DIGITS) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}
