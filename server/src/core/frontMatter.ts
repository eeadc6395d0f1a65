import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isMap, parseDocument, type Document } from 'yaml';
import type { FrontMatter, Problem } from './model';
import type { LineIndex } from './text';

/** More aliases than any hand-written front matter needs; bounds "billion laughs" documents. */
export const MAX_YAML_ALIASES = 100;

const OPEN = /^---[ \t]*(?:\r\n|\n|\r)/y;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/gm;

export interface FrontMatterResult {
  frontMatter: FrontMatter | null;
  /** Offset where the body starts (0 without front matter). */
  bodyStart: number;
  problems: Problem[];
}

/** Finds and parses a YAML front matter block between `---` lines at the top of the text. */
export function parseFrontMatter(text: string, lines: LineIndex): FrontMatterResult {
  OPEN.lastIndex = 0;
  const open = OPEN.exec(text);
  if (!open) return { frontMatter: null, bodyStart: 0, problems: [] };
  const contentStart = open[0].length;
  CLOSE.lastIndex = contentStart;
  const close = CLOSE.exec(text);
  if (!close) {
    return {
      frontMatter: null,
      bodyStart: 0,
      problems: [
        {
          range: lines.range(0, 3),
          severity: DiagnosticSeverity.Error,
          code: 'front-matter-invalid',
          message: 'Front matter opened with "---" is never closed: add a line "---" after it.',
        },
      ],
    };
  }
  const contentEnd = close.index;
  const closeLineEnd = close.index + close[0].length;
  const end = lines.lineEnd(lines.positionAt(closeLineEnd).line);
  const nextLine = lines.positionAt(end).line + 1;
  const bodyStart = nextLine < lines.lineCount ? lines.lineStarts[nextLine] : text.length;
  const block = { start: 0, end, contentStart, contentEnd, range: lines.range(0, end) };
  const { data, problems, doc } = parseYamlMapping(text.slice(contentStart, contentEnd), contentStart, lines);
  const frontMatter = { ...block, data };
  yamlDocuments.set(frontMatter, doc);
  return { frontMatter, bodyStart, problems };
}

const yamlDocuments = new WeakMap<FrontMatter, Document.Parsed>();

/**
 * The parsed YAML of a front matter block, for analyses that need node positions (codings) without parsing it
 * again. Read it, never change it: it is shared.
 */
export function frontMatterDocument(frontMatter: FrontMatter): Document.Parsed | undefined {
  return yamlDocuments.get(frontMatter);
}

function parseYamlMapping(
  yaml: string,
  offset: number,
  lines: LineIndex,
): { data: Record<string, unknown> | null; problems: Problem[]; doc: Document.Parsed } {
  const problem = (start: number, end: number, message: string): Problem => ({
    range: lines.range(offset + start, offset + Math.max(end, start + 1)),
    severity: DiagnosticSeverity.Error,
    code: 'front-matter-invalid',
    message,
  });
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      data: null,
      problems: doc.errors.map((e) => problem(e.pos[0], e.pos[1], `Front matter is not valid YAML: ${firstLine(e.message)}`)),
      doc,
    };
  }
  if (doc.contents === null) return { data: {}, problems: [], doc };
  if (!isMap(doc.contents)) {
    const [start, end] = doc.contents.range ?? [0, yaml.length];
    return { data: null, problems: [problem(start, end, 'Front matter must be a mapping of keys to values, such as "title: …".')], doc };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown>, problems: [], doc };
  } catch (e) {
    return { data: null, problems: [problem(0, yaml.length, `Front matter could not be read: ${firstLine(String((e as Error).message))}`)], doc };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
