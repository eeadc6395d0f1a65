import { DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-types';
import { labelFor, ordinalOf } from './markers';
import type { Fix, Paragraph, Problem } from './model';
import type { LineIndex } from './text';

/**
 * Checks that each run of sibling paragraphs numbered in one style counts 1, 2, 3… (a, b, c…; i, ii, iii…):
 * gaps, duplicates and numbers out of order, each with a fix that renumbers.
 */
export function checkNumbering(paragraphs: Paragraph[], lines: LineIndex, uri: string): Problem[] {
  const problems: Problem[] = [];
  const check = (siblings: Paragraph[]) => {
    for (const run of runsOf(siblings)) problems.push(...checkRun(run, paragraphs, lines, uri));
  };
  check(paragraphs.filter((p) => p.parent === null));
  for (const p of paragraphs) if (p.children.length > 0) check(p.children.map((i) => paragraphs[i]));
  return problems;
}

/**
 * Siblings grouped by numbering style; decimal numbers also by prefix ("1.1, 1.2" apart from "2.1"). A first
 * number ("1", "(a)", "(i)") right after an unnumbered paragraph, such as a heading, starts a new list.
 */
function runsOf(siblings: Paragraph[]): Paragraph[][] {
  const current = new Map<string, Paragraph[]>();
  const runs: Paragraph[][] = [];
  siblings.forEach((p, i) => {
    if (!p.style || p.label === null) return;
    const key = p.style === 'decimal' ? `decimal:${p.label.slice(0, p.label.lastIndexOf('.'))}` : p.style;
    let run = current.get(key);
    const restarts = i > 0 && siblings[i - 1].label === null && ordinalOf(p.label, p.style) === 1;
    if (!run || restarts) {
      run = [];
      runs.push(run);
      current.set(key, run);
    }
    run.push(p);
  });
  return runs;
}

function checkRun(run: Paragraph[], all: Paragraph[], lines: LineIndex, uri: string): Problem[] {
  const problems: Problem[] = [];
  const ordinals = run.map((p) => ordinalOf(p.label!, p.style!));
  const firstAt = new Map<number, number>();
  ordinals.forEach((ordinal, i) => firstAt.has(ordinal) || firstAt.set(ordinal, i));
  let expected = 1;
  ordinals.forEach((ordinal, i) => {
    const p = run[i];
    const from = expected;
    if (ordinal < expected) {
      const earlier = firstAt.get(ordinal)!;
      problems.push(
        earlier < i
          ? numberingProblem(p, 'paragraph-number-duplicate', `Paragraph number ${display(p, all)} is used twice: paragraph ${display(run[earlier], all)} is already on line ${run[earlier].range.start.line + 1}.`, () => renumber(run, i, from, all, lines, uri))
          : numberingProblem(p, 'paragraph-number-order', `Paragraph ${display(p, all)} is out of order: it comes after paragraph ${display(run[i - 1], all)}.`, () => renumber(run, 0, 1, all, lines, uri)),
      );
    } else if (ordinal > expected) {
      const missing = ordinal - expected === 1
        ? `paragraph ${display(p, all, expected)} is missing`
        : `paragraphs ${display(p, all, expected)}–${labelText(p, ordinal - 1)} are missing`;
      problems.push(numberingProblem(p, 'paragraph-number-gap', `Numbering skips: ${missing}.`, () => renumber(run, i, from, all, lines, uri)));
    }
    expected = ordinal + 1;
  });
  return problems;
}

/** The fix is computed when asked for: it edits the rest of the list, and a list may have many problems. */
function numberingProblem(p: Paragraph, code: string, message: string, fix: () => Fix): Problem {
  let fixes: Fix[] | undefined;
  return {
    range: p.markerRange!,
    severity: DiagnosticSeverity.Warning,
    code,
    message,
    get fixes() {
      return (fixes ??= [fix()]);
    },
  };
}

/** Renumbers `run` from position `from` on, counting from `first`; only markers that change are edited. */
function renumber(run: Paragraph[], from: number, first: number, all: Paragraph[], lines: LineIndex, uri: string): Fix {
  const edits: TextEdit[] = [];
  const renamed: string[] = [];
  for (let i = from; i < run.length; i++) {
    const p = run[i];
    const label = labelFor(first + i - from, p.style!, p.label!);
    if (label === p.label) continue;
    const at = p.markerRange!.start;
    const offset = lines.offsetAt(at) + p.marker!.indexOf(p.label!);
    edits.push({ range: lines.range(offset, offset + p.label!.length), newText: label });
    renamed.push(`${display(p, all)} → ${labelText(p, first + i - from)}`);
  }
  const title = renamed.length === 1
    ? `Renumber paragraph ${renamed[0]}`
    : `Renumber ${renamed.length} paragraphs (${renamed[0]}, …)`;
  return { title, isPreferred: true, edit: { changes: { [uri]: edits } } };
}

/** How a reader names a paragraph: "3", "3 (b)", "3 (b) (ii)"; with `ordinal`, a sibling number instead. */
function display(p: Paragraph, all: Paragraph[], ordinal?: number): string {
  const own = labelText(p, ordinal ?? ordinalOf(p.label!, p.style!));
  if (p.parent === null || p.style === 'decimal') return own;
  const parent = all[p.parent];
  return `${parent.label === null ? parent.path : display(parent, all)} ${own}`;
}

function labelText(p: Paragraph, ordinal: number): string {
  const label = labelFor(ordinal, p.style!, p.label!);
  return p.style === 'letter' || p.style === 'roman' ? `(${label})` : label;
}
