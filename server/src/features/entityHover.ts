import type { CancellationToken } from 'vscode-languageserver-protocol';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { isWebLink } from '../core/entities/catalog';
import { UN_LANGUAGES, type Entity, type EntityMention } from '../core/entities/types';
import type { Paragraph } from '../core/model';
import { itemAt } from '../core/text';
import { escapeMarkdown, plural } from './markdown';

/** Every analysed document of the workspace (open ones at their editor version). */
export type WorkspaceAnalyses = () => Iterable<DocumentAnalysis>;

const LANGUAGE_NAMES: Record<string, string> = { ar: 'Arabic', zh: 'Chinese', fr: 'French', ru: 'Russian', es: 'Spanish' };

/** The mention under `position`. */
export function mentionAt(doc: DocumentAnalysis, position: Position): EntityMention | null {
  return itemAt(doc.entities.mentions, position) ?? null;
}

/** Mentions of `id` in each document of the workspace (the current one included). */
export function workspaceMentions(id: string, workspace: WorkspaceAnalyses): Array<{ doc: DocumentAnalysis; mentions: EntityMention[] }> {
  const out: Array<{ doc: DocumentAnalysis; mentions: EntityMention[] }> = [];
  for (const doc of workspace()) {
    const mentions = doc.entities.mentions.filter((m) => m.id === id);
    if (mentions.length) out.push({ doc, mentions });
  }
  return out;
}

/** The entity card: name, type, description, names, parents, roles, links, and where it is mentioned. */
export function entityHover(doc: DocumentAnalysis, position: Position, token: CancellationToken, workspace?: WorkspaceAnalyses): Hover | null {
  const mention = mentionAt(doc, position);
  if (!mention || token.isCancellationRequested) return null;
  const index = doc.entities.index;
  const entity = index.byId.get(mention.id);
  if (!entity) return null;
  const lines = [`**${escapeMarkdown(entity.name)}** · ${entity.type}${entity.category ? ` · ${escapeMarkdown(entity.category)}` : ''}`];
  if (entity.description) lines.push('', escapeMarkdown(entity.description));
  const facts: string[] = [];
  const list = (items: string[]) => items.map(escapeMarkdown).join(', ');
  if (entity.aliases.length) facts.push(`Also: ${list(entity.aliases)}`);
  if (entity.acronyms.length) facts.push(`Acronyms: ${list(entity.acronyms)}`);
  if (entity.demonyms.length) facts.push(`Demonyms: ${list(entity.demonyms)}`);
  for (const lang of UN_LANGUAGES) {
    const names = entity.names[lang];
    if (names?.length) facts.push(`${LANGUAGE_NAMES[lang]}: ${list(names)}`);
  }
  const ancestors = index.ancestors(entity);
  if (ancestors.length) facts.push(`Part of: ${ancestors.map((a) => escapeMarkdown(a.name)).join(' › ')}`);
  if (facts.length) lines.push('', ...facts.map((f) => `- ${f}`));
  if (entity.roles.length) {
    lines.push('', 'Roles:');
    for (const r of entity.roles) {
      const of = r.of ? index.byId.get(r.of)?.name ?? r.of : null;
      const dates = r.from || r.to ? `, ${r.from ?? '?'} – ${r.to ?? 'present'}` : '';
      lines.push(`- ${escapeMarkdown(r.title)}${of && !r.title.includes(of) ? ` (${escapeMarkdown(of)})` : ''}${dates}`);
    }
  }
  const links = entity.links.filter(isWebLink);
  if (links.length) lines.push('', links.map((l) => `[${escapeMarkdown(new URL(l).hostname)}](<${new URL(l).href}>)`).join(' · '));
  lines.push('', mentionSummary(doc, entity, workspace));
  if (mention.mention !== 'name') lines.push('', `_Named here by ${mention.mention === 'alias' ? 'an alias' : `its ${mention.mention}`}: ${escapeMarkdown(mention.text.replace(/\s+/g, ' '))}_`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: mention.range };
}

function mentionSummary(doc: DocumentAnalysis, entity: Entity, workspace?: WorkspaceAnalyses): string {
  const here = doc.entities.mentions.filter((m) => m.id === entity.id).length;
  let text = `Mentioned ${plural(here, 'time')} in this file`;
  if (workspace) {
    const files = workspaceMentions(entity.id, workspace);
    const total = files.reduce((n, f) => n + f.mentions.length, 0);
    text += ` · ${plural(total, 'time')} in ${plural(files.length, 'file')} of the workspace`;
  }
  return text;
}

/** The paragraph card's line listing the entities a paragraph names, most mentioned first. */
export function paragraphEntitiesSection(doc: DocumentAnalysis, p: Paragraph): string | null {
  const counts = new Map<string, { name: string; count: number }>();
  for (const m of doc.entities.mentions) {
    if (m.start < p.textStart || m.end > p.end) continue;
    const entry = counts.get(m.id) ?? { name: m.name, count: 0 };
    entry.count++;
    counts.set(m.id, entry);
  }
  if (counts.size === 0) return null;
  const sorted = [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return `Entities: ${sorted.map((e) => `${escapeMarkdown(e.name)}${e.count > 1 ? ` ×${e.count}` : ''}`).join(', ')}`;
}
