import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli/main';

// In-process runs of the CLI dispatcher (the built CLI is exercised by cli.test.ts).
const root = path.resolve(__dirname, '../..');

async function run(args: string[], cwd = root) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const SIDE_A = 'samples/counter-terrorism-resolution.statement.codes.yaml';
const SIDE_B = 'samples/coding/second-coder.codes.yaml';

test('report over samples: Markdown with the codebook from samples/.policy-annotator.yaml', async () => {
  const r = await run(['report', 'samples']);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  assert.ok(r.stdout.startsWith('# Coding report\n\n6 of 37 paragraphs coded in 5 files, with 4 codes.\n'));
  assert.ok(r.stdout.includes('| CT Counter-terrorism | 0 | 4 |\n| CT.EXT Violent extremism | 4 |  |\n'));
  assert.ok(r.stdout.includes('| CT.EXT Violent extremism | CT.SANC Sanctions and financing | 1 |\n'));
  assert.ok(r.stdout.includes('## By cited document\n\n| Code | Document | Paragraphs |\n| --- | --- | ---: |\n| CT.EXT Violent extremism | S/RES/2178 (2014) | 1 |\n| REF Reaffirmation of prior commitments | S/PRST/2015/11 | 1 |\n'), r.stdout);
  assert.ok(r.stdout.includes('- **samples/counter-terrorism-resolution.statement ¶ PP3** (preambular): Deeply concerned by the continued flow of foreign terrorist fighters to and from the conflict zones in Iraq and Syria, and by the threat they pose upon their return, — *memo:* Returnees framed as the main threat.\n'));
});

test('report --format csv: one row per paragraph', async () => {
  const r = await run(['report', 'samples/counter-terrorism-resolution.statement', '--format', 'csv']);
  assert.equal(r.code, 0);
  const lines = r.stdout.split('\r\n');
  assert.equal(lines[0], 'file,path,kind,codes,memo,references,entities,excerpt');
  assert.equal(lines.length, 16 + 2);
  // References and entities come from their own analyses.
  assert.equal(lines[2], 'samples/counter-terrorism-resolution.statement,PP1,preambular,REF,,S/RES/2170 (2014); S/RES/2178 (2014); S/RES/2199 (2015); S/PRST/2015/11,President,"Recalling its resolutions 2170 (2014), 2178 (2014) and 2199 (2015), and the statement of its President S/PRST/2015/11,"');
  assert.equal(lines[4], 'samples/counter-terrorism-resolution.statement,PP3,preambular,CT.EXT,Returnees framed as the main threat.,,foreign terrorist fighters; Iraq; Syria,"Deeply concerned by the continued flow of foreign terrorist fighters to and from the conflict zones in Iraq and Syria, and by the threat they pose upon their return,"');
  assert.equal(lines[11], 'samples/counter-terrorism-resolution.statement,1.c.i,subparagraph,CT.SANC; CT.EXT,,,foreign terrorist fighters,the financing of the travel of foreign terrorist fighters;');
});

test('report reports coding problems as path:line:col on stderr and rejects bad options', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-coding-'));
  fs.writeFileSync(path.join(dir, 'codebook.yaml'), 'codes:\n  - id: HUM\n');
  fs.writeFileSync(path.join(dir, 's.statement'), '---\ncodings:\n  - paragraph: "1"\n    codes: [HUMM]\n---\n1. Text of the paragraph.\n');
  const r = await run(['report', 's.statement', '--codebook', 'codebook.yaml'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, "s.statement:4:13 error unknown-code Unknown code 'HUMM' (did you mean 'HUM'?)\n");
  assert.deepEqual(await run(['report', '--format', 'xml'], dir), { code: 2, stdout: '', stderr: "policy-annotator report: unknown format 'xml' (expected markdown or csv)\n" });
  assert.deepEqual(await run(['report', 'missing.statement'], dir), { code: 2, stdout: '', stderr: 'policy-annotator report: missing.statement: no such file or directory\n' });
});

test('agreement between two coders of the sample resolution (text and JSON)', async () => {
  const text = await run(['agreement', SIDE_A, SIDE_B, '--statement', 'samples/counter-terrorism-resolution.statement']);
  assert.equal(text.code, 0);
  assert.equal(text.stdout, `A: ${SIDE_A}
B: ${SIDE_B}
Units: 16 paragraphs

Code       Agreement  Kappa   Alpha
HUM.AID        1.000   1.000   1.000
CT.EXT         0.813   0.455   0.469
CT.SANC        1.000   1.000   1.000
POL.TALKS      0.938   0.000   0.000
REF            0.938   0.636   0.644

Overall alpha: 0.634

Disagreements (5):
  PP2: A []  B [REF]
  1: A [CT.EXT]  B []
  1.a: A []  B [CT.EXT]
  1.c.i: A [CT.EXT, CT.SANC]  B [CT.SANC]
  3: A [HUM.AID]  B [HUM.AID, POL.TALKS]
`);
  const json = await run(['agreement', 'samples/counter-terrorism-resolution.statement', SIDE_B, '--format', 'json']);
  const report = JSON.parse(json.stdout);
  assert.equal(report.units, 16);
  assert.deepEqual(Object.keys(report), ['units', 'codes', 'overall', 'disagreements']);
  assert.deepEqual(report.codes['HUM.AID'], { agreement: 1, kappa: 1, alpha: 1 });
  assert.deepEqual(report.disagreements[0], { paragraph: 'PP2', a: [], b: ['REF'] });
  const lost = await run(['agreement', SIDE_B, SIDE_B]);
  assert.equal(lost.code, 2);
  assert.match(lost.stderr, /second-coder\.codes\.yaml: cannot tell which statement it codes; name it <statement>\.codes\.yaml or pass --statement FILE/);
});

test('codebook export --format qdc then import gives the same codes; import never overwrites silently', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-qdc-'));
  const qdc = path.join(dir, 'book.qdc');
  const exported = await run(['codebook', 'export', '--format', 'qdc', '--output', qdc], path.join(root, 'samples'));
  assert.equal(exported.code, 0);
  assert.match(fs.readFileSync(qdc, 'utf8'), /^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
  const imported = await run(['codebook', 'import', qdc, '--output', 'codebook.yaml'], dir);
  assert.deepEqual(imported, { code: 0, stdout: '', stderr: 'Imported 13 codes into codebook.yaml\n' });
  const yaml = fs.readFileSync(path.join(dir, 'codebook.yaml'), 'utf8');
  assert.ok(yaml.includes('  - id: CT\n    label: Counter-terrorism\n    description: The paragraph addresses terrorism or the fight against it.\n    color: "#C0392B"\n    children:\n      - id: CT.EXT\n'));
  const again = await run(['codebook', 'import', qdc, '--output', 'codebook.yaml'], dir);
  assert.deepEqual(again, { code: 2, stdout: '', stderr: 'policy-annotator codebook import: codebook.yaml exists; pass --force to overwrite it\n' });
  fs.writeFileSync(path.join(dir, 'bad.yaml'), 'codes:\n  - id: A\n  - id: A\n');
  const bad = await run(['codebook', 'export', '--codebook', 'bad.yaml'], dir);
  assert.deepEqual(bad, { code: 1, stdout: '', stderr: "bad.yaml:3:9 error codebook-duplicate-id Duplicate code id 'A' (first defined on line 2)\npolicy-annotator codebook export: the codebook has 1 error; not exported\n" });
});

test('export gives each paragraph its codes (sidecar codings, codebook from .policy-annotator.yaml)', async () => {
  const r = await run(['export', 'samples/counter-terrorism-resolution.statement']);
  assert.equal(r.code, 0);
  const paragraphs = JSON.parse(r.stdout).files[0].paragraphs as { path: string; codes: string[] }[];
  assert.deepEqual(paragraphs.filter((p) => p.codes.length > 0).map((p) => [p.path, p.codes]), [
    ['PP1', ['REF']],
    ['PP3', ['CT.EXT']],
    ['1', ['CT.EXT']],
    ['1.c.i', ['CT.SANC', 'CT.EXT']],
    ['1.c.ii', ['CT.EXT']],
    ['3', ['HUM.AID']],
  ]);
});

test('check reports coding problems in front matter at their line', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-check-'));
  fs.writeFileSync(path.join(dir, '.policy-annotator.yaml'), 'codebook: codes.yaml\n');
  fs.writeFileSync(path.join(dir, 'codes.yaml'), 'codes:\n  - id: HUM\n');
  fs.writeFileSync(path.join(dir, 's.statement'), '---\ncodings:\n  - paragraph: "1"\n    codes: [HUMM]\n---\n1. Text of the paragraph.\n');
  const r = await run(['check', 's.statement'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^s\.statement:4:13 error unknown-code Unknown code 'HUMM' \(did you mean 'HUM'\?\)$/m);
});
