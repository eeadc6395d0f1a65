import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { removeCode, setMemo, setParagraphCodes, type CodingEditContext, type CodingEditResult } from '../core/coding/codings';
import type { Statement } from '../core/model';
import { ServerCommands, type CodingStateResult, type RemoveCodeArgs, type SetCodesArgs, type SetMemoArgs } from './codingProtocol';

export const CODING_COMMANDS: string[] = Object.values(ServerCommands);

function context(doc: DocumentAnalysis): CodingEditContext {
  return { statement: doc.statement, codings: doc.codings, storage: doc.codings.storage };
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The `uri` argument of a coding command, so the server can look up the document first. */
export function commandUri(args: unknown[] | undefined): string | null {
  const first = args?.[0] as { uri?: unknown } | undefined;
  return typeof first?.uri === 'string' ? first.uri : null;
}

/**
 * Computes the edit of a coding command (`workspace/executeCommand`); the server applies it with
 * `workspace/applyEdit`, so one undo reverts it. Returns null for commands that are not coding commands.
 */
export function executeCodingCommand(doc: DocumentAnalysis, command: string, args: unknown[] | undefined, token: CancellationToken): CodingEditResult | null {
  if (token.isCancellationRequested) return { error: 'cancelled' };
  const arg = args?.[0] as Record<string, unknown> | undefined;
  switch (command) {
    case ServerCommands.setCodes: {
      const a = arg as Partial<SetCodesArgs> | undefined;
      if (!a || !isStrings(a.paths) || !isStrings(a.add) || !isStrings(a.remove)) return { error: `${command} expects { uri, paths, add, remove }` };
      return setParagraphCodes(context(doc), a.paths, a.add, a.remove);
    }
    case ServerCommands.removeCode: {
      const a = arg as Partial<RemoveCodeArgs> | undefined;
      if (!a || !isStrings(a.paths) || typeof a.code !== 'string') return { error: `${command} expects { uri, paths, code }` };
      return removeCode(context(doc), a.paths, a.code);
    }
    case ServerCommands.setMemo: {
      const a = arg as Partial<SetMemoArgs> | undefined;
      if (!a || typeof a.path !== 'string' || typeof a.memo !== 'string') return { error: `${command} expects { uri, path, memo }` };
      return setMemo(context(doc), a.path, a.memo);
    }
    default:
      return null;
  }
}

const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Innermost paragraphs a selection touches (a caret selects the paragraph it is in). */
export function paragraphsIn(statement: Statement, range: Range): string[] {
  const touched = statement.paragraphs.filter((p) => !before(p.range.end, range.start) && !before(range.end, p.range.start));
  return touched.map((p) => p.path);
}

/** What the client's pickers and decorations need: the codebook, the selected paragraphs and current codes. */
export function codingState(doc: DocumentAnalysis, range: Range, token: CancellationToken): CodingStateResult {
  const { statement, codings } = doc;
  const codebook = codings.codebook;
  const coded = token.isCancellationRequested
    ? []
    : [...codings.byParagraph.values()].map((pc) => ({ path: pc.path, range: statement.paragraphs[pc.paragraph].range, codes: pc.codes, memo: pc.memos.join('\n') }));
  return {
    codebook: codebook
      ? [...codebook.codes.values()].map((c) => ({ id: c.id, label: c.label, description: c.description, color: c.color, codable: c.codable, depth: c.depth, parent: c.parent }))
      : [],
    selected: paragraphsIn(statement, range),
    coded,
    codebookProblem: !codebook
      ? 'No codebook: set `codebook:` in .policy-annotator.yaml or the setting policyAnnotator.codebook'
      : codebook.codes.size === 0
        ? `The codebook ${codebook.uri} has no codes`
        : null,
  };
}
