import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { codeIdHover } from './codingHover';
import { entityHover, type WorkspaceAnalyses } from './entityHover';
import { paragraphHover } from './paragraphHover';
import { referenceHover } from './referenceHover';

type HoverProvider = (doc: DocumentAnalysis, position: Position, token: CancellationToken, workspace?: WorkspaceAnalyses) => Hover | null;

/** Tried in order; the first card wins. References and entities add their providers here. */
const providers: HoverProvider[] = [referenceHover, paragraphHover, entityHover, codeIdHover];

/** `workspace` gives the other documents, for cards that count mentions across the workspace. */
export function hover(doc: DocumentAnalysis, position: Position, token: CancellationToken, workspace?: WorkspaceAnalyses): Hover | null {
  for (const provide of providers) {
    if (token.isCancellationRequested) return null;
    const card = provide(doc, position, token, workspace);
    if (card) return card;
  }
  return null;
}
