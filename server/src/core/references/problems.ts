import { DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-types';
import type { Fix, Problem } from '../model';
import type { LineIndex } from '../text';
import type { CatalogEntry } from './catalog';
import { addCatalogEntryEdit, type CatalogTarget } from './catalogEdit';
import type { Reference } from './types';

export interface ReferenceProblemOptions {
  /** The statement's URI, for the year fix. */
  uri: string;
  lines: LineIndex;
  /** Severity of `uncatalogued-reference` (setting `policyAnnotator.references.uncataloguedSeverity`). */
  uncataloguedSeverity: DiagnosticSeverity | 'off';
  /** Where "Add to workspace catalog" appends; no such fix without it. */
  catalogTarget?: CatalogTarget | null;
}

/** "Security Council resolution 2254", "General Assembly resolution 70/1", "document S/2017/573". */
export function documentName(ref: Pick<Reference, 'kind' | 'body' | 'number' | 'session' | 'symbol'>): string {
  if (ref.kind === 'presidential-statement') return `presidential statement ${ref.symbol}`;
  if (ref.kind === 'document') return `document ${ref.symbol}`;
  const own = ref.session !== undefined && !/\(/.test(ref.symbol) ? `${ref.session}/${ref.number}` : ref.number;
  const part = /\s([A-H])$/.exec(ref.symbol)?.[1];
  const body = { SC: 'Security Council', GA: 'General Assembly', HRC: 'Human Rights Council', ECOSOC: 'ECOSOC' }[ref.body ?? 'SC'];
  return `${body} resolution ${own}${part ? ` ${part}` : ''}`;
}

/** A catalog stub for a reference: what is known for certain, the rest for the user to fill in. */
export function catalogStub(ref: Reference): CatalogEntry {
  const n = ref.number !== null && /^\d+$/.test(ref.number) ? Number(ref.number) : ref.number;
  return {
    symbol: ref.symbol,
    ...(ref.body !== null ? { body: ref.body } : {}),
    ...(n !== null ? { number: n } : {}),
    title: `TODO: what ${documentName(ref)} does`,
    link: officialLink(ref.symbol),
  };
}

/** https://undocs.org/ resolves a symbol to the official document. */
export function officialLink(symbol: string): string {
  return `https://undocs.org/${encodeURI(symbol.replace(/\s+/g, ''))}`;
}

/** `unresolved-reference`, `reference-year-mismatch` and `uncatalogued-reference` for the references of one document. */
export function referenceProblems(refs: Reference[], options: ReferenceProblemOptions): Problem[] {
  const problems: Problem[] = [];
  for (const ref of refs) {
    if (ref.status === 'nonexistent') {
      problems.push({
        range: ref.range,
        severity: DiagnosticSeverity.Warning,
        code: 'unresolved-reference',
        message: `${capitalise(documentName(ref))} does not exist: ${ref.reason}.`,
      });
      continue;
    }
    if (ref.yearMismatch && ref.adoptedYear !== null && ref.year !== null) {
      problems.push(yearMismatch(ref, options));
    }
    if (ref.status !== 'catalogued' && options.uncataloguedSeverity !== 'off') {
      const fixes: Fix[] = [];
      if (options.catalogTarget) {
        const edit = addCatalogEntryEdit(options.catalogTarget, catalogStub(ref));
        if (edit !== null) fixes.push({ title: `Add ${ref.symbol} to workspace catalog`, edit });
      }
      problems.push({
        range: ref.range,
        severity: options.uncataloguedSeverity,
        code: 'uncatalogued-reference',
        message: `${capitalise(named(ref))} is not in the catalog${ref.status === 'unknown' ? `; it is ${ref.reason}` : ''}.`,
        ...(fixes.length > 0 ? { fixes } : {}),
      });
    }
  }
  return problems;
}

function yearMismatch(ref: Reference, options: ReferenceProblemOptions): Problem {
  const stated = ref.year as string;
  const adopted = String(ref.adoptedYear);
  const at = ref.start + ref.text.lastIndexOf(stated);
  const edit: TextEdit = { range: options.lines.range(at, at + stated.length), newText: adopted };
  const name = documentName(ref).replace(/^Security Council resolution/, 'resolution');
  return {
    range: ref.range,
    severity: DiagnosticSeverity.Warning,
    code: 'reference-year-mismatch',
    message: `${capitalise(name)} was adopted in ${adopted}${ref.approximate ? ' (approximate data)' : ''}, not ${stated}.`,
    fixes: [{ title: `Change the year to ${adopted}`, edit: { changes: { [options.uri]: [edit] } }, isPreferred: true }],
  };
}

/** What a workspace document with `symbol:` front matter offers: its URI and paragraph paths. */
export interface CitedText {
  uri: string;
  paths: ReadonlySet<string>;
}

/** `unresolved-pinpoint`: the cited text is in the workspace but lacks the pinpointed paragraph. */
export function pinpointProblems(refs: Reference[], citedText: (symbol: string) => CitedText | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const ref of refs) {
    if (ref.pinpoint === null) continue;
    const cited = citedText(ref.symbol);
    if (cited === undefined || cited.paths.has(ref.pinpoint.path)) continue;
    problems.push({
      range: ref.pinpoint.range,
      severity: DiagnosticSeverity.Warning,
      code: 'unresolved-pinpoint',
      message: `${capitalise(documentName(ref))} in the workspace has no paragraph ${ref.pinpoint.path}.`,
    });
  }
  return problems;
}

/** The document's name with its symbol, unless the name already is the symbol ("document S/2017/573"). */
function named(ref: Reference): string {
  const name = documentName(ref);
  return name.includes(ref.symbol) ? name : `${name} (${ref.symbol})`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
