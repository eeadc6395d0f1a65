import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseCodebook } from '../../../server/src/core/coding/codebook';
import { codeGuid, exportQdc, importQdc, uuidV5 } from '../../../server/src/core/coding/qdc';

const root = path.resolve(__dirname, '../../..');
const sample = () => parseCodebook('file:///s/codebook.yaml', readFileSync(path.join(root, 'samples/codebook.yaml'), 'utf8'));

/**
 * Structural checks written from the published REFI-QDA Codebook.xsd (v1.0): root CodeBook in namespace
 * urn:QDA-XML:codebook:1.0 with optional `origin`; a required Codes, then optional Sets; Codes holds one or more
 * Code; a Code holds an optional Description then Codes, and carries guid (GUIDType), name and isCodable
 * (xs:boolean) and optional color (RGBType); a Set holds optional Description then MemberCode (guid) elements.
 */
function validateCodebookXsd(xml: string): string[] {
  const errors: string[] = [];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: true });
  type N = Record<string, unknown> & { ':@'?: Record<string, string> };
  const nodes = parser.parse(xml) as N[];
  const tag = (n: N): string => Object.keys(n).find((k) => k !== ':@')!;
  const kids = (n: N): N[] => (n[tag(n)] as N[]).filter((k) => tag(k) !== '#text');
  const attrs = (n: N): Record<string, string> => n[':@'] ?? {};
  const guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
  const rgb = /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;
  const onlyAttrs = (n: N, allowed: string[], where: string) => {
    for (const a of Object.keys(attrs(n))) if (!allowed.includes(a)) errors.push(`${where}: unexpected attribute ${a}`);
  };
  const checkCode = (n: N, where: string) => {
    const a = attrs(n);
    onlyAttrs(n, ['@guid', '@name', '@isCodable', '@color'], where);
    if (!guid.test(a['@guid'] ?? '')) errors.push(`${where}: guid '${a['@guid']}' is not a GUIDType`);
    if (a['@name'] === undefined) errors.push(`${where}: name is required`);
    if (!['true', 'false', '1', '0'].includes(a['@isCodable'] ?? '')) errors.push(`${where}: isCodable must be xs:boolean`);
    if (a['@color'] !== undefined && !rgb.test(a['@color'])) errors.push(`${where}: color is not RGBType`);
    const children = kids(n);
    let i = 0;
    if (children[0] && tag(children[0]) === 'Description') i = 1;
    for (; i < children.length; i++) {
      if (tag(children[i]) !== 'Code') errors.push(`${where}: unexpected <${tag(children[i])}> (Description?, Code* expected)`);
      else checkCode(children[i], `${where}/Code[${i}]`);
    }
  };
  const roots = nodes.filter((n) => tag(n) !== '?xml');
  if (roots.length !== 1 || tag(roots[0]) !== 'CodeBook') return ['root element must be CodeBook'];
  const book = roots[0];
  if (attrs(book)['@xmlns'] !== 'urn:QDA-XML:codebook:1.0') errors.push('CodeBook must be in namespace urn:QDA-XML:codebook:1.0');
  onlyAttrs(book, ['@xmlns', '@origin'], 'CodeBook');
  const parts = kids(book).map(tag);
  if (parts[0] !== 'Codes' || parts.length > 2 || (parts[1] !== undefined && parts[1] !== 'Sets')) errors.push(`CodeBook must hold Codes then optional Sets, not ${parts.join(', ')}`);
  const codes = kids(kids(book)[0] ?? ({ x: [] } as N));
  if (codes.length === 0) errors.push('Codes must hold at least one Code');
  codes.forEach((c, i) => (tag(c) === 'Code' ? checkCode(c, `Codes/Code[${i}]`) : errors.push(`Codes: unexpected <${tag(c)}>`)));
  return errors;
}

test('UUID v5 matches the RFC 4122 reference value', () => {
  assert.equal(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  assert.equal(codeGuid('HUM'), codeGuid('HUM'));
  assert.notEqual(codeGuid('HUM'), codeGuid('CT'));
});

test('QDC export of the sample is valid against Codebook.xsd and identical on re-export', () => {
  const xml = exportQdc(sample());
  assert.deepEqual(validateCodebookXsd(xml), []);
  assert.equal(exportQdc(sample()), xml);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Policy Annotator">\n  <Codes>\n'));
  assert.ok(xml.includes(`    <Code guid="${codeGuid('HUM')}" name="Humanitarian" isCodable="false" color="#2E86AB">\n      <Description>The paragraph addresses the humanitarian situation or humanitarian action.\nCode id: HUM</Description>\n      <Code guid="${codeGuid('HUM.ACCESS')}" name="Humanitarian access" isCodable="true" color="#3FA7D6">`));
});

test('the structural validator rejects what the XSD rejects', () => {
  assert.deepEqual(validateCodebookXsd('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="A" isCodable="yes" color="red"><Code guid="2ed6657d-e927-568b-95e1-2665a8aea6a2" name="B" isCodable="true"/><Description>late</Description></Code></Codes></CodeBook>'), [
    "Codes/Code[0]: guid 'x' is not a GUIDType",
    'Codes/Code[0]: isCodable must be xs:boolean',
    'Codes/Code[0]: color is not RGBType',
    'Codes/Code[0]: unexpected <Description> (Description?, Code* expected)',
  ]);
});

test('export then import round-trips ids, hierarchy, criteria and colours', () => {
  const result = importQdc(exportQdc(sample()), 'sample.qdc');
  assert.ok('yaml' in result);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.codes, 13);
  const back = parseCodebook('file:///back.yaml', result.yaml);
  assert.deepEqual(back.problems, []);
  const original = sample();
  for (const [id, code] of original.codes) {
    const other = back.codes.get(id)!;
    assert.deepEqual(
      [other.label, other.parent, other.codable, other.color, other.description, other.include, other.exclude, other.example],
      [code.label, code.parent, code.codable, code.color, code.description, code.include, code.exclude, code.example],
      id,
    );
  }
});

test('import of a QDC written by another tool: ids from names, entities decoded, problems reported', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder 3.5">
  <Codes>
    <Code guid="{0F9A3C1E-1111-4222-8333-944455556666}" name="Conflict &amp; violence" isCodable="false" color="#f00">
      <Code guid="0f9a3c1e-1111-4222-8333-944455556667" name="Attacks on civilians" isCodable="true" color="red">
        <Description>Deliberate attacks.</Description>
      </Code>
      <Code guid="0f9a3c1e-1111-4222-8333-944455556668" name="Attacks on civilians" isCodable="true"/>
    </Code>
  </Codes>
  <Sets>
    <Set guid="0f9a3c1e-1111-4222-8333-944455556669" name="Violence"><MemberCode guid="0f9a3c1e-1111-4222-8333-944455556667"/></Set>
  </Sets>
</CodeBook>`;
  const result = importQdc(xml, 'qualcoder.qdc');
  assert.ok('yaml' in result);
  assert.equal(result.yaml, `# Imported from qualcoder.qdc (written by QualCoder 3.5)

codes:
  - id: CONFLICT_VIOLENCE
    label: Conflict & violence
    color: "#FF0000"
    codable: false
    children:
      - id: CONFLICT_VIOLENCE.ATTACKS_ON_CIVILIANS
        label: Attacks on civilians
        description: Deliberate attacks.
      - id: CONFLICT_VIOLENCE.ATTACKS_ON_CIVILIANS_2
        label: Attacks on civilians
`);
  assert.deepEqual(result.warnings, ["colour 'red' of CONFLICT_VIOLENCE.ATTACKS_ON_CIVILIANS is not #RRGGBB and was dropped", 'duplicate code id CONFLICT_VIOLENCE.ATTACKS_ON_CIVILIANS renamed CONFLICT_VIOLENCE.ATTACKS_ON_CIVILIANS_2', 'code sets (<Sets>) have no equivalent in the codebook and were not imported']);
  assert.deepEqual(importQdc('<CodeBook>\n  <Codes></Code>\n</CodeBook>', 'bad.qdc'), { error: "bad.qdc:2:10: Expected closing tag 'Codes' (opened in line 2, col 3) instead of closing tag 'Code'." });
  assert.deepEqual(importQdc('<Project/>', 'p.qdc'), { error: 'p.qdc: not a REFI-QDA codebook (no <CodeBook> root element)' });
});
