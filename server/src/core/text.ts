import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps UTF-16 offsets to LSP positions and back for one immutable text.
 * Lines end at LF, CRLF or a lone CR, as LSP defines them.
 */
export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] === 0. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const n = text.length;
    let i = text.indexOf('\n');
    let cr = text.indexOf('\r');
    if (cr < 0) {
      // Fast path: LF only.
      while (i >= 0) {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    } else {
      for (let k = 0; k < n; k++) {
        const c = text.charCodeAt(k);
        if (c === 13) {
          if (k + 1 < n && text.charCodeAt(k + 1) === 10) k++;
          starts.push(k + 1);
        } else if (c === 10) {
          starts.push(k + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just past the last character of the line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    // An offset between CR and LF belongs to the end of the line.
    return { line: lo, character: Math.min(clamped, this.lineEnd(lo)) - this.lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

export function containsPosition(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

/** The item whose range holds `position`, by binary search over items in document order that do not overlap. */
export function itemAt<T extends { range: Range }>(items: readonly T[], position: Position): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = items[mid].range;
    if (r.end.line < position.line || (r.end.line === position.line && r.end.character < position.character)) lo = mid + 1;
    else if (r.start.line > position.line || (r.start.line === position.line && r.start.character > position.character)) hi = mid - 1;
    else return items[mid];
  }
  return undefined;
}
