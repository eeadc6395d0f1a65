import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Paragraph, Problem, Statement } from '../model';
import type { Code, Codebook } from './codebook';
import type { Codings } from './codings';
import type { ParagraphFacts } from './report';

export const SUGGESTION_CODE = 'code-suggestion';
/** Hints per document: enough to review, never a flood on a long text with a broad keyword. */
const MAX_SUGGESTIONS = 500;

export interface Suggestion {
  paragraph: number;
  code: string;
  reasons: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Case-insensitive whole-word matcher that also accepts ’ for ' ("Da’esh" matches "Da'esh"). */
function phrase(text: string): RegExp {
  const body = escapeRegExp(text.trim()).replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

interface CompiledRules {
  code: Code;
  keywords: [string, RegExp][];
  entities: [string, RegExp][];
  documents: string[];
}

interface Compiled {
  rules: CompiledRules[];
  /** Text matches by paragraph text (hashed), so that an edit re-matches only the paragraphs it changed. */
  hits: Map<string, TextHits[]>;
}

/** Per rule: which entity names, document symbols and keywords the paragraph's text contains. */
interface TextHits {
  entities: boolean[];
  documents: boolean[];
  keywords: boolean[];
}

const MAX_CACHED_TEXTS = 20_000;

/** A compact key for a paragraph text: length, FNV-1a hash and opening (keeps no reference to the document). */
function textKey(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${text.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}:${text.slice(0, 24)}`;
}

function textHits(compiled: Compiled, text: string): TextHits[] {
  const key = textKey(text);
  let hits = compiled.hits.get(key);
  if (!hits) {
    if (compiled.hits.size >= MAX_CACHED_TEXTS) compiled.hits.clear();
    hits = compiled.rules.map((rule) => ({
      entities: rule.entities.map(([, re]) => re.test(text)),
      documents: rule.documents.map((doc) => text.includes(doc)),
      keywords: rule.keywords.map(([, re]) => re.test(text)),
    }));
    compiled.hits.set(key, hits);
  }
  return hits;
}

const compiledRules = new WeakMap<Codebook, Compiled>();

/** The codebook's rules with their matchers, built once per codebook. */
function compile(codebook: Codebook): Compiled {
  let compiled = compiledRules.get(codebook);
  if (!compiled) {
    const rules: CompiledRules[] = [...codebook.codes.values()]
      .filter((code) => code.codable && code.suggest)
      .map((code) => ({
        code,
        keywords: code.suggest!.keywords.map((k): [string, RegExp] => [k, phrase(k)]),
        entities: code.suggest!.entities.map((e): [string, RegExp] => [e, phrase(e)]),
        documents: code.suggest!.documents,
      }));
    compiled = { rules, hits: new Map() };
    compiledRules.set(codebook, compiled);
  }
  return compiled;
}

/**
 * Applies the codebook's `suggest` rules to every paragraph not yet coded with the code. Entities and cited
 * documents come from `facts` (the entity and reference analyses: "resolution 2178 (2014)" cites
 * S/RES/2178 (2014)) and from the names and symbols as written in the paragraph. A code whose rules name paragraph kinds is only
 * suggested for those kinds; it needs at least one other rule to match, unless kinds are its only rule.
 */
export function suggestCodes(statement: Statement, codings: Codings, codebook: Codebook | null, facts?: ParagraphFacts): Suggestion[] {
  if (!codebook) return [];
  const compiled = compile(codebook);
  const rules = compiled.rules;
  if (rules.length === 0) return [];
  const out: Suggestion[] = [];
  for (const p of statement.paragraphs) {
    const text = statement.text.slice(p.textStart, p.end);
    const coded = codings.byParagraph.get(p.index)?.codes ?? [];
    let known: { references: string[]; entities: string[] } | undefined;
    const lookup = () => (known ??= facts?.(p) ?? { references: [], entities: [] });
    const hits = textHits(compiled, text);
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      if (coded.includes(rule.code.id)) continue;
      const kinds = rule.code.suggest!.kinds;
      if (kinds.length > 0 && !kinds.includes(p.kind)) continue;
      const reasons = reasonsFor(rule, hits[r], lookup);
      if (reasons.length === 0 && !(kinds.length > 0 && rule.keywords.length + rule.entities.length + rule.documents.length === 0)) continue;
      if (reasons.length === 0) reasons.push(`${p.kind} paragraph`);
      out.push({ paragraph: p.index, code: rule.code.id, reasons });
      if (out.length >= MAX_SUGGESTIONS) return out;
    }
  }
  return out;
}

function fold(text: string): string {
  return text.toLowerCase().replace(/’/g, "'");
}

/** What the entity and reference analyses found counts (asked only when a rule needs it), and so does the text. */
function reasonsFor(rule: CompiledRules, hits: TextHits, known: () => { references: string[]; entities: string[] }): string[] {
  const reasons: string[] = [];
  rule.entities.forEach(([name], i) => {
    if (hits.entities[i] || known().entities.some((e) => fold(e) === fold(name))) reasons.push(`mentions ${name}`);
  });
  rule.documents.forEach((doc, i) => {
    if (hits.documents[i] || known().references.some((r) => r === doc || (doc.endsWith('/') && r.startsWith(doc)))) reasons.push(`cites ${doc}`);
  });
  rule.keywords.forEach(([word], i) => {
    if (hits.keywords[i]) reasons.push(`“${word}”`);
  });
  return reasons;
}

/** Suggestions as hints on the paragraph marker (first line of unnumbered paragraphs); accepted by a code action. */
export function suggestionProblems(statement: Statement, suggestions: Suggestion[]): Problem[] {
  return suggestions.map((s) => {
    const p: Paragraph = statement.paragraphs[s.paragraph];
    const line = p.range.start.line;
    const range = p.markerRange ?? { start: p.range.start, end: { line, character: statement.lines.lineEnd(line) - statement.lines.lineStarts[line] } };
    return { range, severity: DiagnosticSeverity.Hint, code: SUGGESTION_CODE, message: `Suggested code ${s.code} (${s.reasons.join(', ')})` };
  });
}

/** Reads the code id back from a suggestion diagnostic's message (code actions receive only the diagnostic). */
export function suggestedCodeOf(message: string): string | null {
  return /^Suggested code (\S+) \(/.exec(message)?.[1] ?? null;
}
