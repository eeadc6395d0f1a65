// `npm start`: build everything, package the .vsix, then run the CLI over samples/ and print each statement's
// outline (from `export --format json`) and diagnostics (from `check`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const samples = 'samples';
step('Building and packaging the extension', () => npmRun('package'));

const vsix = path.join(root, 'dist', 'policy-annotator.vsix');
if (!fs.existsSync(vsix)) fail(`packaging finished but ${path.relative(root, vsix)} is missing`);
console.log(`Packaged ${path.relative(root, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB).`);
console.log(`Install it with: code --install-extension ${path.relative(root, vsix)}\n`);

const files = fs
  .readdirSync(path.join(root, samples))
  .filter((name) => /\.(statement|stmt)$/.test(name))
  .sort()
  .map((name) => `${samples}/${name}`);

for (const file of files) {
  const exported = cliJson(['export', '--format', 'json', file]);
  const entry = exported.files?.[0];
  if (!entry) fail(`export printed no file entry for ${file}`);
  console.log(`━━ ${file}${entry.title ? ` — ${entry.title}` : ''}`);
  console.log('Outline:');
  if (entry.paragraphs.length === 0) console.log('  (no paragraphs)');
  for (const paragraph of entry.paragraphs) {
    const indented = '  '.repeat(1 + depth(paragraph)) + paragraph.path;
    console.log(`${indented.padEnd(12)} ${paragraph.kind.padEnd(12)} ${paragraph.excerpt}`);
  }
  console.log('Diagnostics:');
  const findings = cliText(['check', file]).trim();
  console.log(findings ? findings.replace(/^/gm, '  ') : '  (none)');
  console.log('');
}

/** Nesting depth from the path: "3.a.i" with label "i" is two levels down; "1.1" with label "1.1" is top level. */
function depth(paragraph) {
  const labelParts = paragraph.label ? paragraph.label.split('.').length : 1;
  return paragraph.path.split('.').length - labelParts;
}

function cliJson(args) {
  const output = cliText(args);
  try {
    return JSON.parse(output);
  } catch {
    fail(`policy-annotator ${args.join(' ')} printed something that is not JSON:\n${output.slice(0, 500)}`);
  }
}

/** Runs the built CLI; exit code 1 means "findings", which is what the samples are for. */
function cliText(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  if (result.error) fail(`could not run the CLI: ${result.error.message}`);
  if (result.status !== 0 && result.status !== 1) {
    fail(`policy-annotator ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
  }
  return result.stdout;
}

function step(title, action) {
  console.log(`▶ ${title}…`);
  action();
}

/** Runs an npm script with the npm that runs us (npm_execpath), so it also works where `npm` is a .cmd shim. */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
  const result = spawnSync(command, [...args, 'run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.error) fail(`could not run npm: ${result.error.message}`);
  if (result.status !== 0) fail(`npm run ${script} exited with ${result.status}`);
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}
