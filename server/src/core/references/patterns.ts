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
  keywordInfo: { plural: boolean; needsBody: boolean }[];
  /** Sticky: an abbreviation ("UNSCR") at the candidate spot. */
  abbreviation: RegExp;
  abbreviationInfo: { body: Body; plural: boolean }[];
  /** Anchored at the end of a window that ends at the keyword: optional pinpoint, then optional body. */
  prefix: RegExp;
  prefixBodies: Body[];
  /** Sticky: optional space after a keyword. */
  space: RegExp;
  separator: RegExp;
  item: RegExp;
  symbols: SymbolPattern[];
  foreignQualifiers: Set<string>;
  series: Record<string, Body>;
}

function compile(): CompiledPatterns {
  const p = referencePatterns;
  const keywordSources = p.keywords.map((k, i) => `(?<kw${i}>${k.pattern})`);
  const abbreviationSources = p.abbreviations.map((a, i) => `(?<ab${i}>${a.pattern})`);
  const bodyAlternatives = p.bodies.map(
    (b, i) => `(?<body${i}>${b.names.map((n) => expand(relaxInitials(n))).join('|')})`,
  );
  return {
    prefilter: new RegExp(p.prefilter, 'g'),
    keyword: new RegExp(`(?:${keywordSources.join('|')})(?![\\p{L}\\p{N}])`, 'uy'),
    keywordInfo: p.keywords.map((k) => ({ plural: k.plural, needsBody: k.needsBody })),
    abbreviation: new RegExp(`(?:${abbreviationSources.join('|')})(?![\\p{L}])`, 'uy'),
    abbreviationInfo: p.abbreviations.map((a) => ({ body: a.body, plural: a.plural })),
    prefix: new RegExp(
      `(?:${NOT_AFTER_WORD}(?<pin>${expand(p.pinpoint.template)}))?` +
        `(?:${NOT_AFTER_WORD}(?:${bodyAlternatives.join('|')})${expand('{sp}')})?$`,
      'u',
    ),
    prefixBodies: p.bodies.map((b) => b.body),
    space: new RegExp(expand('{osp}'), 'uy'),
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
    series: p.series,
  };
}

/** The compiled patterns (built once, on first use). */
let compiled: CompiledPatterns | null = null;
export function patterns(): CompiledPatterns {
  return (compiled ??= compile());
}

/** Pinpoint groups of the prefix regex: the paragraph number and "(j)(ii)" parts. */
export const pinpointSubparts = /\(([a-z]{1,5})\)/g;
