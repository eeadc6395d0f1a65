import { referencePatterns } from '../../../data/reference-patterns';
import type { Body, ReferenceKind } from './types';

/** Replaces `{name}` placeholders with fragments until none are left. */
function expand(template: string): string {
  const fragments: Record<string, string> = referencePatterns.fragments;
  let out = template;
  for (let guard = 0; guard < 10 && /\{[a-zA-Z]+\}/.test(out); guard++) {
    out = out.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => fragments[name] ?? whole);
  }
  return out;
}

/** "Security{sp}Council" → "[Ss]ecurity{sp}[Cc]ouncil": capitalised words also match in lower case. */
function relaxInitials(template: string): string {
  return template.replace(/(^|[^A-Za-z\\])([A-Z])([a-z]+)/g, (_m, pre: string, first: string, rest: string) =>
    `${pre}[${first}${first.toLowerCase()}]${rest}`,
  );
}

/** "UN{sp}Security{sp}Council" → "council"; "U\\.N\\." names end in a word too. */
function lastWord(name: string): string {
  const words = name.split('{sp}');
  return words[words.length - 1].replace(/\\/g, '').toLowerCase();
}

const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';

export interface SymbolPattern {
  name: string;
  regex: RegExp;
  kind: ReferenceKind;
  body: Body | null;
  needsNumberedPart: boolean;
}

export interface CompiledPatterns {
  /** Finds candidate spots; everything else runs only there. */
  prefilter: RegExp;
  /** Sticky: a keyword at the candidate spot. */
  keyword: RegExp;
  /** Which keyword a matched text is (the first whose pattern matches it whole). */
  keywordInfo(matched: string): { plural: boolean; needsBody: boolean };
  /** Sticky: an abbreviation ("UNSCR") at the candidate spot. */
  abbreviation: RegExp;
  abbreviationInfo(matched: string): { body: Body; plural: boolean };
  /** Anchored at the end of a window that ends at the keyword: optional pinpoint, then optional body. */
  prefix: RegExp;
  prefixBodies: Body[];
  /** Lower-cased words that can end a prefix (the last word of a body name, "of", "the"): a cheap pre-check. */
  prefixLastWords: Set<string>;
  /** Their last characters (lower-cased char codes), checked before any string is cut. */
  prefixLastChars: Set<number>;
  separator: RegExp;
  item: RegExp;
  symbols: SymbolPattern[];
  foreignQualifiers: Set<string>;
  foreignLastChars: Set<number>;
  series: Record<string, Body>;
}

function compile(): CompiledPatterns {
  const p = referencePatterns;
  const lastWords = ['of', 'the', ...p.bodies.flatMap((b) => b.names.map((n) => lastWord(n)))];
  const keywordSources = p.keywords.map((k) => `(?:${k.pattern})`);
  const abbreviationSources = p.abbreviations.map((a) => `(?:${a.pattern})`);
  const bodyAlternatives = p.bodies.map(
    (b, i) => `(?<body${i}>${b.names.map((n) => expand(relaxInitials(n))).join('|')})`,
  );
  return {
    prefilter: new RegExp(p.prefilter, 'g'),
    keyword: new RegExp(`(?:${keywordSources.join('|')})(?![\\p{L}\\p{N}])`, 'uy'),
    keywordInfo: classifier(p.keywords.map((k) => ({ regex: new RegExp(`^(?:${k.pattern})$`, 'u'), info: { plural: k.plural, needsBody: k.needsBody } }))),
    abbreviation: new RegExp(`(?:${abbreviationSources.join('|')})(?![\\p{L}])`, 'uy'),
    abbreviationInfo: classifier(p.abbreviations.map((a) => ({ regex: new RegExp(`^(?:${a.pattern})$`, 'u'), info: { body: a.body as Body, plural: a.plural } }))),
    prefix: new RegExp(
      `(?:${NOT_AFTER_WORD}(?<pin>${expand(p.pinpoint.template)}))?` +
        `(?:${NOT_AFTER_WORD}(?:${bodyAlternatives.join('|')})${expand('{sp}')})?$`,
      'u',
    ),
    prefixBodies: p.bodies.map((b) => b.body),
    prefixLastWords: new Set(lastWords),
    prefixLastChars: new Set(lastWords.map((w) => w.charCodeAt(w.length - 1) | 32)),
    separator: new RegExp(`(?:${expand(p.separator)})`, 'uy'),
    item: new RegExp(`(?:${expand(p.item)})`, 'uy'),
    symbols: p.symbols.map((s) => ({
      name: s.name,
      regex: new RegExp(expand(s.template), 'uy'),
      kind: s.kind,
      body: s.body,
      needsNumberedPart: s.needsNumberedPart,
    })),
    foreignQualifiers: new Set(p.foreignQualifiers),
    foreignLastChars: new Set(p.foreignQualifiers.map((w) => w.charCodeAt(w.length - 1) | 32)),
    series: p.series,
  };
}

/** Maps a matched keyword to its entry, remembering the answer (a document repeats the same few spellings). */
function classifier<T>(entries: { regex: RegExp; info: T }[]): (matched: string) => T {
  const known = new Map<string, T>();
  return (matched) => {
    let info = known.get(matched);
    if (info === undefined) {
      info = (entries.find((e) => e.regex.test(matched)) ?? entries[0]).info;
      if (known.size < 1000) known.set(matched, info);
    }
    return info;
  };
}

/** The compiled patterns (built once, on first use). */
let compiled: CompiledPatterns | null = null;
export function patterns(): CompiledPatterns {
  return (compiled ??= compile());
}
