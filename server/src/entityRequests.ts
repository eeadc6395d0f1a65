import type { Connection } from 'vscode-languageserver';
import type { DocumentAnalysis } from './core/analysis';
import type { EntityIndex } from './core/entities/entityIndex';
import { PROJECT_CONFIG } from './core/projectConfig';
import { joinUri } from './core/uris';
import { ADD_ENTITY_REQUEST, planAddEntity, type AddEntityParams } from './features/entityCatalogActions';
import { ENTITIES_REQUEST, entityTree, type EntitiesParams } from './features/entityTree';

/** What the entity requests need from the server. */
export interface EntityRequestDeps {
  analysisOf(uri: string): DocumentAnalysis | null;
  /** The workspace folder holding `uri`, or null. */
  folderOf(uri: string): string | null;
  /** The workspace catalog files of a folder, in merge order (project config, then the setting). */
  catalogUris(folderUri: string): string[];
  /** A file's text, or null when it does not exist (the editor's version when open). */
  readText(uri: string): Promise<string | null>;
  entityIndex(): EntityIndex;
}

/**
 * The custom requests of the entity features: the tree of the client's "Entities in this statement" view,
 * and "Add to workspace catalog as…", whose edit the server computes and asks the client to apply.
 */
export function registerEntityRequests(connection: Connection, deps: EntityRequestDeps): void {
  connection.onRequest(ENTITIES_REQUEST, (params: EntitiesParams, token) => {
    const doc = deps.analysisOf(params.uri);
    return doc ? entityTree(doc, token) : [];
  });

  connection.onRequest(ADD_ENTITY_REQUEST, async (params: AddEntityParams) => {
    const folderUri = deps.folderOf(params.documentUri);
    if (!folderUri) return { applied: false, error: 'the statement is not in a workspace folder, so there is no workspace catalog' };
    if (!params.type) return { applied: false, error: 'no entity type given' };
    const configUri = joinUri(folderUri, PROJECT_CONFIG);
    const catalogs = await Promise.all(deps.catalogUris(folderUri).map(async (uri) => ({ uri, text: await deps.readText(uri) })));
    const plan = planAddEntity({ folderUri, config: { uri: configUri, text: await deps.readText(configUri) }, catalogs, index: deps.entityIndex() }, params.name, params.type);
    if ('error' in plan) return { applied: false, error: plan.error };
    const result = await connection.workspace.applyEdit({ label: `Add '${params.name}' to the workspace catalog`, edit: plan.edit });
    return { applied: result.applied, catalogUri: plan.catalogUri, ...(result.applied ? {} : { error: result.failureReason ?? 'the editor did not apply the edit' }) };
  });
}
