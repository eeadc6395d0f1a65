import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import data from '../../data/boilerplate.json';
import type { Problem } from './model';
import type { LineIndex } from './text';

const PATTERNS = data.patterns.map((p) => new RegExp(p, 'i'));
const WORDS = new Set(data.words);
/** Longest line that can be a row of menu words such as "Share Print Email". */
const MAX_WORD_LINE = 80;

export interface Boilerplate {
  start: number;
  end: number;
  problem: Problem;
}

/**
 * The run of web-page boilerplate lines (cookie banners, "Share this", "Print"…) at the end of the body, if any.
 * Deleting it removes the blank lines before it too, so the statement then ends with its last paragraph.
 */
export function findBoilerplate(uri: string, text: string, lines: LineIndex, firstBodyLine: number): Boilerplate | null {
  let first = -1;
  let last = -1;
  for (let line = lines.lineCount - 1; line >= firstBodyLine; line--) {
    const content = lines.lineText(line).trim();
    if (content === '') continue;
    if (!isBoilerplate(content)) break;
    first = line;
    if (last < 0) last = line;
  }
  if (first < 0) return null;
  const start = lines.lineStarts[first];
  const end = lines.lineEnd(last);
  let deleteFrom = start;
  for (let line = first - 1; line >= firstBodyLine && lines.lineText(line).trim() === ''; line--) deleteFrom = lines.lineStarts[line];
  // Keep the line break that ends the last paragraph.
  const keep = deleteFrom > 0 ? lines.lineEnd(lines.positionAt(deleteFrom - 1).line) : 0;
  const range = lines.range(start, end);
  return {
    start,
    end,
    problem: {
      range,
      severity: DiagnosticSeverity.Hint,
      code: 'web-boilerplate',
      message: 'Web page boilerplate at the end of the statement (cookie banner, sharing links…); it is not part of the text.',
      tags: [DiagnosticTag.Unnecessary],
      fixes: [
        {
          title: 'Delete web page boilerplate',
          isPreferred: true,
          edit: { changes: { [uri]: [{ range: lines.range(keep, text.length), newText: /(\r\n|\n|\r)$/.exec(text)?.[0] ?? '' }] } },
        },
      ],
    },
  };
}

function isBoilerplate(line: string): boolean {
  if (PATTERNS.some((p) => p.test(line))) return true;
  if (line.length > MAX_WORD_LINE) return false;
  const words = line.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => WORDS.has(w));
}
