import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Location, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { entityDefinition } from './entityNavigation';
import { referenceDefinition } from './referenceDefinition';

/** Go to definition: a position is a reference or an entity mention; the reference answers first. */
export function definition(doc: DocumentAnalysis, position: Position, token: CancellationToken): Location | Location[] | null {
  return referenceDefinition(doc, position, token) ?? entityDefinition(doc, position, token);
}
