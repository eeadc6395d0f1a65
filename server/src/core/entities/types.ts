import type { Range } from 'vscode-languageserver-types';

/** Entity classes, after the Akoma Ntoso TLC classes (TLCPerson, TLCOrganization…). */
export const ENTITY_TYPES = ['person', 'organization', 'location', 'event', 'document', 'role', 'concept'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** How a mention names its entity. */
export type MentionKind = 'name' | 'alias' | 'acronym' | 'demonym' | 'translation';

/** The six official UN languages (English is the entry's `name` and `aliases`). */
export const UN_LANGUAGES = ['ar', 'zh', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** A role held by a person, with ISO dates (YYYY, YYYY-MM or YYYY-MM-DD); `to` absent = still in office. */
export interface EntityRole {
  /** What the person was, as written ("Special Envoy of the Secretary-General for Syria"). */
  title: string;
  /** The role entity's id, when the catalog has one. */
  role?: string;
  /** The entity the role is held in or for (a state, an organisation). */
  of?: string;
  from?: string;
  to?: string;
}

/** Where an entry was defined, for go-to-definition and diagnostics. */
export interface EntitySource {
  uri: string;
  /** Zero-based line of the entry's `id` (or first key). */
  line: number;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  /** A finer class: "member-state", "observer-state", "capital", "armed-group", "un-fund"… */
  category?: string;
  aliases: string[];
  /** Matched case-exactly, like every name; listed apart so that hovers can show them as acronyms. */
  acronyms: string[];
  /** Adjectives and demonyms ("Iraqi", "Iraqis") that point to the entity. */
  demonyms: string[];
  /** Names in the other UN languages. */
  names: Partial<Record<UnLanguage, string[]>>;
  /** Aliases that are also personal names ("Chad"): matched only mid-sentence and not before a capitalised word. */
  ambiguous: string[];
  description?: string;
  /** http(s) URLs only. */
  links: string[];
  /** Id of the containing entity (Mosul → Iraq, a mission → the Security Council). */
  parent?: string;
  roles: EntityRole[];
  source?: EntitySource;
}

export interface EntityMention {
  /** The text as written (may span a line break). */
  text: string;
  start: number;
  end: number;
  range: Range;
  id: string;
  type: EntityType;
  /** The entity's catalog name. */
  name: string;
  mention: MentionKind;
}
