import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { SymbolInformation, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Codebook } from '../core/coding/codebook';
import type { EntityIndex } from '../core/entities/entityIndex';
import type { ReferenceContext } from '../core/references/documentReferences';
import { codeSymbols } from './codingSymbols';
import { entityWorkspaceSymbols } from './entityNavigation';
import { citedDocumentSymbols } from './referenceWorkspaceSymbols';
import { workspaceSymbols } from './workspaceSymbols';

/** Everything the workspace-symbol search looks through. */
export interface SymbolSources {
  analyses: DocumentAnalysis[];
  references: ReferenceContext;
  entities: EntityIndex;
  codebook: Codebook | null;
}

/** Workspace symbols from every source, in this order: cited UN documents, paragraphs, entities, codes. */
export function workspaceSymbolSearch(sources: SymbolSources, query: string, token: CancellationToken): Array<SymbolInformation | WorkspaceSymbol> {
  return [
    ...citedDocumentSymbols(sources.references, query, token),
    ...workspaceSymbols(sources.analyses, query, token),
    ...entityWorkspaceSymbols(sources.entities, query, () => sources.analyses, token),
    ...codeSymbols(sources.codebook, query, token),
  ];
}
