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

const compiled = new WeakMap<Codebook, CompiledRules[]>();

/** The codebook's rules with their matchers, built once per codebook. */
function compile(codebook: Codebook): CompiledRules[] {
  const known = compiled.get(codebook);
  if (known) return known;
  const out: CompiledRules[] = [];
  compiled.set(codebook, out);
  for (const code of codebook.codes.values()) {
    if (!code.codable || !code.suggest) continue;
    const { keywords, entities, documents } = code.suggest;
    out.push({
      code,
      keywords: keywords.map((k) => [k, phrase(k)]),
      entities: entities.map((e) => [e, phrase(e)]),
      documents,
    });
  }
  return out;
}

/**
 * Applies the codebook's `suggest` rules to every paragraph not yet coded with the code. Entities and cited
 * documents come from `facts` (the entity and reference analyses: "resolution 2178 (2014)" cites
 * S/RES/2178 (2014)) and from the names and symbols as written in the paragraph. A code whose rules name paragraph kinds is only
 * suggested for those kinds; it needs at least one other rule to match, unless kinds are its only rule.
 */
export function suggestCodes(statement: Statement, codings: Codings, codebook: Codebook | null, facts?: ParagraphFacts): Suggestion[] {
  if (!codebook) return [];
  const rules = compile(codebook);
  if (rules.length === 0) return [];
  const out: Suggestion[] = [];
  for (const p of statement.paragraphs) {
    const text = statement.text.slice(p.textStart, p.end);
    const coded = codings.byParagraph.get(p.index)?.codes ?? [];
    let known: { references: string[]; entities: string[] } | undefined;
    const lookup = () => (known ??= facts?.(p) ?? { references: [], entities: [] });
    for (const rule of rules) {
      if (coded.includes(rule.code.id)) continue;
      const kinds = rule.code.suggest!.kinds;
      if (kinds.length > 0 && !kinds.includes(p.kind)) continue;
      const reasons = reasonsFor(rule, text, lookup);
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
function reasonsFor(rule: CompiledRules, text: string, known: () => { references: string[]; entities: string[] }): string[] {
  const reasons: string[] = [];
  for (const [name, re] of rule.entities) {
    if (re.test(text) || known().entities.some((e) => fold(e) === fold(name))) reasons.push(`mentions ${name}`);
  }
  for (const doc of rule.documents) {
    if (text.includes(doc) || known().references.some((r) => r === doc || (doc.endsWith('/') && r.startsWith(doc)))) reasons.push(`cites ${doc}`);
  }
  for (const [word, re] of rule.keywords) if (re.test(text)) reasons.push(`“${word}”`);
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
