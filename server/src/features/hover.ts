import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { codeIdHover } from './codingHover';
import { paragraphHover } from './paragraphHover';

type HoverProvider = (doc: DocumentAnalysis, position: Position, token: CancellationToken) => Hover | null;

/** Tried in order; the first card wins. References and entities add their providers here. */
const providers: HoverProvider[] = [paragraphHover, codeIdHover];

export function hover(doc: DocumentAnalysis, position: Position, token: CancellationToken): Hover | null {
  for (const provide of providers) {
    if (token.isCancellationRequested) return null;
    const card = provide(doc, position, token);
    if (card) return card;
  }
  return null;
}
