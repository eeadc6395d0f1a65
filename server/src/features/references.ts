import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Location, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { WorkspaceAnalyses } from './entityHover';
import { entityReferences } from './entityNavigation';
import { referenceLocations } from './referenceLocations';

/**
 * Find All References in a statement: the citations of the document under the cursor, else every mention of
 * the entity under it. (Codes are answered before this, in every file: see `codeReferencesAt`.)
 */
export function references(
  doc: DocumentAnalysis,
  position: Position,
  includeDeclaration: boolean,
  workspace: WorkspaceAnalyses,
  token: CancellationToken,
): Location[] | null {
  return referenceLocations(doc, position, includeDeclaration, token) ?? entityReferences(doc, position, includeDeclaration, workspace, token);
}
