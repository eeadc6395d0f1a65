import type { CancellationToken } from 'vscode-languageserver-protocol';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { CatalogEntry } from '../core/references/catalog';
import { entryOf } from '../core/references/documentReferences';
import { documentName, officialLink } from '../core/references/problems';
import type { Reference } from '../core/references';
import { escapeMarkdown, plural } from './markdown';
import { referenceAt } from './referenceAt';

const STATUS: Record<Reference['status'], string> = {
  catalogued: 'in the catalog',
  known: 'known number, not in the catalog',
  unknown: 'not in the bundled data',
  nonexistent: 'does not exist',
};

/** The card for a reference: what the document is, what it does, whether it checks out, where to read it. */
export function referenceHover(doc: DocumentAnalysis, position: Position, token: CancellationToken): Hover | null {
  const ref = referenceAt(doc, position);
  if (ref === undefined || token.isCancellationRequested) return null;
  const context = doc.references.context;
  const entry = entryOf(ref, context);
  const lines = [`**${escapeMarkdown(ref.symbol)}** · ${escapeMarkdown(documentName(ref))} · _${STATUS[ref.status]}_`];
  if (entry?.title) lines.push('', escapeMarkdown(entry.title));
  const facts = factsLine(ref, entry);
  if (facts) lines.push('', facts);
  if (entry?.subjects?.length) lines.push('', `Subjects: ${entry.subjects.map(escapeMarkdown).join(', ')}`);
  if (ref.pinpoint) lines.push('', `Cites paragraph ${escapeMarkdown(ref.pinpoint.path)}`);
  if (ref.yearMismatch) lines.push('', `Stated year ${escapeMarkdown(ref.year ?? '')} differs from the adoption year ${ref.adoptedYear}.`);
  if (ref.reason && ref.status !== 'catalogued') lines.push('', `${ref.status === 'nonexistent' ? 'Does not exist' : 'Unknown'}: ${escapeMarkdown(ref.reason)}.`);
  if (ref.approximate) lines.push('', '_Approximate: these facts are from memory and not yet confirmed against UN records._');
  if (entry?.notes) lines.push('', escapeMarkdown(entry.notes));
  if (context.index !== null) {
    const n = context.index.counts(ref.symbol);
    lines.push('', `Cited ${plural(n.citations, 'time')} in ${plural(n.files, 'file')} of the workspace`);
  }
  if (ref.status !== 'nonexistent') lines.push('', `[Official document](<${safeLink(entry, ref)}>)`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: ref.range };
}

/** "Adopted 18 December 2015 · vote 15–0–0 (in favour–against–abstentions)". */
function factsLine(ref: Reference, entry: CatalogEntry | undefined): string | null {
  const parts: string[] = [];
  if (entry?.date) parts.push(`Adopted ${formatDate(entry.date)}`);
  else if (ref.adoptedYear !== null) parts.push(`Adopted in ${ref.adoptedYear}${ref.body === 'GA' && ref.kind === 'resolution' ? ` or ${ref.adoptedYear + 1} (session year)` : ''}`);
  if (entry?.vote) {
    const v = /^(\d+)-(\d+)-(\d+)(?:-(\d+))?$/.exec(entry.vote);
    parts.push(v ? `vote ${v[1]} in favour, ${v[2]} against, ${v[3]} abstaining${v[4] ? `, ${v[4]} not voting` : ''}` : 'adopted without a vote');
  }
  return parts.length > 0 ? parts.join(' · ') : null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The catalog's http(s) link, else undocs.org; angle brackets and spaces are percent-encoded for the link. */
export function referenceLink(entry: CatalogEntry | undefined, ref: Reference): string {
  const link = entry?.link && /^https?:\/\/\S+$/i.test(entry.link) ? entry.link : officialLink(ref.symbol);
  return link;
}

function safeLink(entry: CatalogEntry | undefined, ref: Reference): string {
  return referenceLink(entry, ref).replace(/</g, '%3C').replace(/>/g, '%3E');
}
