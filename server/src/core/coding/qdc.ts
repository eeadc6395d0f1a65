// REFI-QDA codebook exchange (.qdc, namespace urn:QDA-XML:codebook:1.0), so codebooks move between Policy
// Annotator and NVivo, ATLAS.ti, MAXQDA or QualCoder. Reading uses fast-xml-parser: a pure-JS parser that
// bounds entity expansion, which a hand-written reader of foreign XML would have to get right on its own.
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Document, YAMLMap, YAMLSeq } from 'yaml';
import { CODE_ID, normalizeColor, type Code, type Codebook } from './codebook';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
/** Every GUID we export is a UUID v5 of a code id in this namespace, so re-exports are identical. */
export const CODE_NAMESPACE = uuidV5('urn:policy-annotator:codebook', URL_NAMESPACE);

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/[{}-]/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function codeGuid(id: string): string {
  return uuidV5(id, CODE_NAMESPACE);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

// The parts of a code's definition QDC has no element for travel as labelled lines in <Description>.
const LABELLED = [
  ['include', 'When to use: '],
  ['exclude', 'When not to use: '],
  ['example', 'Example: '],
] as const;
const ID_LINE = 'Code id: ';

function description(code: Code): string {
  const lines: string[] = [];
  if (code.description) lines.push(code.description);
  for (const [key, prefix] of LABELLED) if (code[key]) lines.push(prefix + code[key]);
  lines.push(ID_LINE + code.id);
  return lines.join('\n');
}

/** Writes the codebook as a REFI-QDA Codebook; the output depends only on the codebook's content. */
export function exportQdc(codebook: Codebook, origin = 'Policy Annotator'): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', `<CodeBook xmlns="${QDC_NAMESPACE}" origin="${escapeXml(origin)}">`, '  <Codes>'];
  const write = (id: string, depth: number): void => {
    const code = codebook.codes.get(id)!;
    const pad = '  '.repeat(depth + 2);
    const color = code.color ? ` color="${code.color}"` : '';
    out.push(`${pad}<Code guid="${codeGuid(code.id)}" name="${escapeXml(code.label)}" isCodable="${code.codable}"${color}>`);
    out.push(`${pad}  <Description>${escapeXml(description(code))}</Description>`);
    for (const child of code.children) write(child, depth + 1);
    out.push(`${pad}</Code>`);
  };
  for (const id of codebook.roots) write(id, 0);
  out.push('  </Codes>', '</CodeBook>', '');
  return out.join('\n');
}

interface QdcCode {
  '@_guid'?: string;
  '@_name'?: string;
  '@_isCodable'?: string;
  '@_color'?: string;
  Description?: string | { '#text'?: string };
  Code?: QdcCode[];
}

export type QdcImport = { yaml: string; codes: number; warnings: string[] } | { error: string };

/** A code id from a QDC code name: "Violent extremism" under "CT" becomes "CT.VIOLENT_EXTREMISM". */
function idFromName(name: string, parent: string | null): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'CODE';
  return parent ? `${parent}.${slug}` : slug;
}

/**
 * Reads a REFI-QDA codebook into codebook YAML. Ids come from the "Code id:" line our exports write, else from
 * the code names; "When to use" / "When not to use" / "Example" lines become include / exclude / example.
 */
export function importQdc(xml: string, sourceName = 'codebook.qdc'): QdcImport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `${sourceName}:${valid.err.line}:${valid.err.col}: ${valid.err.msg}` };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => name === 'Code',
  });
  const root = parser.parse(xml)?.CodeBook;
  if (!root || typeof root !== 'object') return { error: `${sourceName}: not a REFI-QDA codebook (no <CodeBook> root element)` };
  const top: QdcCode[] = root.Codes?.Code ?? [];
  if (top.length === 0) return { error: `${sourceName}: the codebook has no <Codes>/<Code> elements` };
  const warnings: string[] = [];
  const used = new Set<string>();
  const doc = new Document({});
  const origin = typeof root['@_origin'] === 'string' ? root['@_origin'] : null;
  doc.commentBefore = ` Imported from ${sourceName}${origin ? ` (written by ${origin})` : ''}`;
  let count = 0;

  const convert = (code: QdcCode, parent: string | null, depth: number): YAMLMap | null => {
    if (depth > 32) {
      warnings.push(`codes nested deeper than 32 levels were skipped`);
      return null;
    }
    const name = (code['@_name'] ?? '').trim();
    const raw = typeof code.Description === 'string' ? code.Description : code.Description?.['#text'] ?? '';
    const lines = raw.split(/\r?\n/);
    const fields: Record<string, string> = {};
    const rest: string[] = [];
    let id: string | null = null;
    for (const line of lines) {
      const labelled = LABELLED.find(([, prefix]) => line.startsWith(prefix));
      if (labelled) fields[labelled[0]] = line.slice(labelled[1].length).trim();
      else if (line.startsWith(ID_LINE) && CODE_ID.test(line.slice(ID_LINE.length).trim())) id = line.slice(ID_LINE.length).trim();
      else rest.push(line);
    }
    id ??= idFromName(name || 'code', parent);
    if (used.has(id)) {
      let n = 2;
      while (used.has(`${id}_${n}`)) n++;
      warnings.push(`duplicate code id ${id} renamed ${id}_${n}`);
      id = `${id}_${n}`;
    }
    used.add(id);
    count++;
    const map = new YAMLMap();
    map.set('id', id);
    map.set('label', name || id);
    const text = rest.join('\n').trim();
    if (text) map.set('description', text);
    for (const [key] of LABELLED) if (fields[key]) map.set(key, fields[key]);
    const color = code['@_color'];
    if (color && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color)) map.set('color', normalizeColor(color));
    else if (color) warnings.push(`colour '${color}' of ${id} is not #RRGGBB and was dropped`);
    if (code['@_isCodable'] === 'false' || code['@_isCodable'] === '0') map.set('codable', false);
    const children = (code.Code ?? []).map((c) => convert(c, id, depth + 1)).filter((c): c is YAMLMap => c !== null);
    if (children.length > 0) {
      const seq = new YAMLSeq();
      seq.items = children;
      map.set('children', seq);
    }
    return map;
  };

  const codes = new YAMLSeq();
  codes.items = top.map((c) => convert(c, null, 0)).filter((c): c is YAMLMap => c !== null);
  if (root.Sets) warnings.push('code sets (<Sets>) have no equivalent in the codebook and were not imported');
  doc.set('codes', codes);
  return { yaml: doc.toString({ lineWidth: 0 }), codes: count, warnings };
}
