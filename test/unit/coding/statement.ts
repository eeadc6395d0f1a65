// Builds a Statement for coding tests: "N. text" paragraphs and "(a) text" subparagraphs separated by blank
// lines, other blocks unnumbered (P1, P2…), optional front matter; a first unnumbered block before numbered
// paragraphs is the title. A stand-in until parseStatement is merged.
import type { FrontMatter, Paragraph, Statement } from '../../../server/src/core/model';
import { LineIndex } from '../../../server/src/core/text';
import { parse } from 'yaml';

export function statementOf(text: string, uri = 'file:///w/s.statement'): Statement {
  const lines = new LineIndex(text);
  let frontMatter: FrontMatter | null = null;
  let bodyStart = 0;
  const fm = /^---\r?\n([\s\S]*?)^---(\r?\n|$)/m.exec(text);
  if (fm && fm.index === 0) {
    const contentStart = text.indexOf('\n') + 1;
    const contentEnd = contentStart + fm[1].length;
    let data: Record<string, unknown> | null = null;
    try {
      data = parse(fm[1]) ?? {};
    } catch {
      data = null;
    }
    frontMatter = { data, start: 0, end: fm[0].length, contentStart, contentEnd, range: lines.range(0, fm[0].length) };
    bodyStart = fm[0].length;
  }
  const paragraphs: Paragraph[] = [];
  const blockRe = /[^\n]+(?:\n[^\n]+)*/g;
  blockRe.lastIndex = bodyStart;
  let unnumbered = 0;
  let parentIndex: number | null = null;
  let title: Statement['title'] = null;
  for (let m; (m = blockRe.exec(text)); ) {
    const start = m.index;
    const end = start + m[0].length;
    const own = text.slice(start, end);
    const marker = /^(\d+)\.[ \t]+|^\(([a-z])\)[ \t]+/.exec(own);
    if (!marker && paragraphs.length === 0 && title === null && /\n\d+\.[ \t]/.test(text.slice(end))) {
      title = { text: own, start, end, range: lines.range(start, end) };
      continue;
    }
    const index = paragraphs.length;
    const label = marker ? (marker[1] ?? marker[2]) : null;
    const sub = marker?.[2] !== undefined && parentIndex !== null;
    const path = label === null ? `P${++unnumbered}` : sub ? `${paragraphs[parentIndex!].label}.${label}` : label;
    const textStart = start + (marker ? marker[0].length : 0);
    const p: Paragraph = {
      index, label, path,
      kind: sub ? 'subparagraph' : label ? 'numbered' : 'unnumbered',
      style: marker ? (sub ? 'letter' : 'arabic') : null,
      marker: marker ? marker[0].trim() : null,
      markerRange: marker ? lines.range(start, start + marker[0].trimEnd().length) : null,
      start, end, textStart, range: lines.range(start, end),
      depth: sub ? 1 : 0, parent: sub ? parentIndex : null, children: [], subtreeEnd: end,
      excerpt: own.slice(textStart - start, textStart - start + 40),
    };
    if (sub) paragraphs[parentIndex!].children.push(index);
    else if (label) parentIndex = index;
    paragraphs.push(p);
  }
  return { uri, version: 1, text, lines, frontMatter, bodyStart, title, paragraphs, boilerplate: null, skipped: null, problems: [] };
}
