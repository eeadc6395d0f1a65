import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { repoRoot, runCli, tempDir } from './cliHelpers';

const gap = 'Statement with a gap\n\n1. We welcome the report.\n2. We urge restraint.\n4. We remain seized.\n';
const clean = 'Clean statement\n\n1. We welcome the report.\n2. We urge restraint.\n';
const { dir, remove } = tempDir({
  'gap.statement': gap,
  'clean.stmt': clean,
  'notes.txt': gap,
  'binary.stmt': new Uint8Array([0x31, 0x2e, 0x20, 0xff, 0xfe, 0x00, 0x41]),
  'nested/deeper/also.statement': gap,
  'nested/.gitignore': 'ignored.statement\n',
  'nested/ignored.statement': gap,
});
after(remove);

const gapLine = (file: string) => `${file}:5:1 warning paragraph-number-gap Numbering skips: paragraph 3 is missing.`;

test('check prints path:line:col severity code message, 1-based', () => {
  const result = runCli(['check', 'gap.statement', 'clean.stmt'], dir);
  assert.equal(result.stdout, `${gapLine('gap.statement')}\n`);
  assert.equal(result.stderr, '1 problem (1 warning) in 2 files\n');
  assert.equal(result.code, 0);
});

test('check exits 1 when warnings exceed --max-warnings', () => {
  assert.equal(runCli(['check', '--max-warnings', '1', 'gap.statement'], dir).code, 0);
  const result = runCli(['check', '--max-warnings', '0', 'gap.statement'], dir);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /too many warnings: 1 \(--max-warnings 0\)/);
});

test('non-UTF-8 input gets one error at 1:1 and exit code 1', () => {
  const result = runCli(['check', 'binary.stmt'], dir);
  assert.equal(result.stdout, 'binary.stmt:1:1 error file-not-utf8 This file is not UTF-8 text (binary, or another encoding), so it is not analysed.\n');
  assert.equal(result.code, 1);
});

test('directories expand to statement files, honouring .gitignore; globs match under their directory', () => {
  assert.equal(runCli(['check', 'nested'], dir).stdout, `${gapLine('nested/deeper/also.statement')}\n`);
  assert.equal(runCli(['check', '*.txt'], dir).stdout, `${gapLine('notes.txt')}\n`);
  assert.equal(runCli(['check', 'nested/**/*.statement'], dir).stdout, `${gapLine('nested/deeper/also.statement')}\n`);
  // With no paths, the working directory: every statement file, in path order.
  const all = runCli(['check'], dir);
  assert.equal(all.stdout, [
    'binary.stmt:1:1 error file-not-utf8 This file is not UTF-8 text (binary, or another encoding), so it is not analysed.',
    gapLine('gap.statement'),
    gapLine('nested/deeper/also.statement'),
    '',
  ].join('\n'));
  assert.equal(all.code, 1);
});

test('check --format json', () => {
  const result = runCli(['check', '--format', 'json', 'gap.statement', 'clean.stmt'], dir);
  assert.equal(result.code, 0);
  assert.deepEqual(JSON.parse(result.stdout), {
    schemaVersion: 1,
    files: [
      {
        path: 'gap.statement',
        diagnostics: [
          {
            range: { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } },
            severity: 'warning',
            code: 'paragraph-number-gap',
            message: 'Numbering skips: paragraph 3 is missing.',
          },
        ],
      },
      { path: 'clean.stmt', diagnostics: [] },
    ],
    summary: { files: 2, errors: 0, warnings: 1, total: 1 },
  });
});

test('check --format sarif writes a SARIF 2.1.0 log', () => {
  const result = runCli(['check', '--format', 'sarif', 'gap.statement', 'binary.stmt'], dir);
  assert.equal(result.code, 1);
  const log = JSON.parse(result.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'policy-annotator');
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ['file-not-utf8', 'paragraph-number-gap']);
  assert.deepEqual(run.results, [
    {
      ruleId: 'paragraph-number-gap',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'Numbering skips: paragraph 3 is missing.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'gap.statement', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 3 },
          },
        },
      ],
    },
    {
      ruleId: 'file-not-utf8',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'This file is not UTF-8 text (binary, or another encoding), so it is not analysed.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'binary.stmt', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
          },
        },
      ],
    },
  ]);
});

test('export --format json matches docs/export-schema.json', () => {
  const result = runCli(['export', '--format', 'json', 'gap.statement', 'binary.stmt'], dir);
  assert.equal(result.code, 0);
  const exported = JSON.parse(result.stdout);
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'export-schema.json'), 'utf8'));
  assert.deepEqual(validate(exported, schema, schema), []);
  const [gapFile, binaryFile] = exported.files;
  assert.equal(gapFile.title, 'Statement with a gap');
  assert.deepEqual(
    gapFile.paragraphs.map((p: { label: string; path: string }) => [p.label, p.path]),
    [['1', '1'], ['2', '2'], ['4', '4']],
  );
  assert.deepEqual(gapFile.paragraphs[2].range, { start: { line: 4, character: 0 }, end: { line: 4, character: 20 } });
  assert.deepEqual(binaryFile.paragraphs, []);
  assert.equal(binaryFile.diagnostics[0].code, 'file-not-utf8');
  // The validator itself rejects a wrong shape.
  assert.deepEqual(validate({ schemaVersion: 2, files: [{ path: 1 }] }, schema, schema).length > 0, true);
});

test('usage errors: one clear line on stderr, exit code 2, never a stack trace', () => {
  const cases: Array<[string[], string]> = [
    [['frobnicate'], "policy-annotator: unknown command 'frobnicate'. Run 'policy-annotator --help' for the commands.\n"],
    [['check', 'missing.statement'], "policy-annotator check: cannot find 'missing.statement'\n"],
    [['check', 'nothing/*.stmt'], "policy-annotator check: no files match 'nothing/*.stmt'\n"],
    [['check', '--bogus'], "policy-annotator check: unknown option '--bogus'\n"],
    [['check', '--format', 'xml'], "policy-annotator check: unknown format 'xml' (expected text, json or sarif)\n"],
    [['check', '--max-warnings', 'many'], 'policy-annotator check: --max-warnings needs a whole number\n'],
    [['export', '--format', 'csv'], "policy-annotator export: unknown format 'csv' (expected json)\n"],
    [['lsp'], 'policy-annotator lsp: lsp needs --stdio (the only transport)\n'],
  ];
  for (const [args, stderr] of cases) {
    const result = runCli(args, dir);
    assert.deepEqual([result.code, result.stderr, result.stdout], [2, stderr, ''], args.join(' '));
  }
});

test('--help and --version', () => {
  const help = runCli(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: policy-annotator <command> \[options\]\n/);
  for (const command of ['check', 'export', 'lsp']) assert.match(help.stdout, new RegExp(`\\n  ${command} +\\S`));
  const checkHelp = runCli(['check', '--help'], dir);
  assert.match(checkHelp.stdout, /^Usage: policy-annotator check/);
  const version = runCli(['--version'], dir);
  assert.equal(version.stdout, `${JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version}\n`);
});

type Schema = Record<string, unknown>;

/** Validates the JSON Schema subset docs/export-schema.json uses; returns the errors found. */
function validate(value: unknown, schema: Schema, root: Schema, at = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace('#/', '').split('/').reduce<Schema>((node, key) => node[key] as Schema, root);
    return validate(value, target, root, at);
  }
  const errors: string[] = [];
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if ('const' in schema && value !== schema.const) errors.push(`${at}: expected ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: not one of ${schema.enum.join(', ')}`);
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) errors.push(`${at}: expected ${types.join('|')}`);
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${at}: missing ${key}`);
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, child] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(child, properties[key], root, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected ${key}`);
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...validate(item, schema.items as Schema, root, `${at}[${i}]`)));
  return errors;
}
