// Writes syntaxes/policy-statement.tmLanguage.json from the readable pieces below (the JSON is committed, so
// the grammar works without a build). `--check` fails when the committed JSON is not what this script writes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'syntaxes', 'policy-statement.tmLanguage.json');
// The same opening phrases that decide paragraph kinds in the server (server/src/core/openingPhrases.ts).
const phrases = JSON.parse(fs.readFileSync(path.join(root, 'server', 'data', 'opening-phrases.json'), 'utf8'));
const months = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Phrases as alternatives, longest first; the first letter of each may be upper or lower case, as in the server. */
const alternatives = (list) =>
  list
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((phrase) => `[${phrase[0].toUpperCase()}${phrase[0].toLowerCase()}]${phrase.slice(1).replace(/ /g, '\\s+')}`)
    .join('|');
/** Leading adverbs ("Further decides", "Deeply concerned"), then the phrase; the paragraph starts with a capital. */
const opening = (list) => `(?=[A-Z])(?:(?:${alternatives(phrases.adverbs)})\\s+)*(?:${alternatives(list)})`;

// Paragraph markers, as the server reads them (server/src/core/markers.ts): 1. 1) (1) 1.1 (a) a) a. (aa) (i) i.
// at line start, then a space, tab, NBSP or the line end.
const letter = `(?:${'abcdefghijklmnopqrstuvwxyz'.split('').flatMap((l) => [l + l + l, l + l]).join('|')}|[a-z])`;
const roman = '(?=[ivxlcdm]{2})m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})';
const marker = [
  // "1.1" — but not an amount at the start of a hard-wrapped line ("5.2 billion to…").
  '\\d{1,3}(?:\\.\\d{1,3})+\\.?(?![ \\t]+(?:thousand|million|billion|trillion|per\\s?cent|percent)\\b)',
  '\\d{1,3}[.)]',
  `\\((?:\\d{1,3}|${roman}|${letter})\\)`,
  `(?:${roman}|${letter})[.)]`,
].join('|');
// A resolution number: 2254, 70/1, ES-10/2, S-15/1, optionally with a lettered part (57/270 B) and a year or session.
const num = '(?:(?:ES|S)-)?\\d{1,5}(?:/\\d{1,4})?(?:\\s[A-H](?![\\w’\']))?(?:\\s?\\((?:\\d{4}|[IVXLC]{1,8})\\))?';
const numList = `${num}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s+or\\s+)${num})*`;
const body = '(?:(?:UN\\s+|United\\s+Nations\\s+)?Security\\s+Council|General\\s+Assembly|Human\\s+Rights\\s+Council|Economic\\s+and\\s+Social\\s+Council)';
const pinpoint = '(?:(?:sub)?paragraphs?\\s+\\d{1,3}(?:\\s?\\([a-z]{1,4}\\))*(?:(?:\\s*,\\s*|\\s+and\\s+)\\d{1,3}(?:\\s?\\([a-z]{1,4}\\))*)*\\s+of\\s+)';
const reference = `\\b${pinpoint}?(?:(?:${body}\\s+|(?:its|the)\\s+)?[Rr]esolutions?|UNSCRs?|SCR|SC\\s+Res\\.?|GA\\s+Res\\.?)\\s+${numList}(?![\\w/])`;
// UN document symbols: at least one segment starting with a digit (so "A/B" is not one); no trailing dot.
const segTail = '[A-Za-z0-9]*(?:[.\\-][A-Za-z0-9]+)*';
const seg = `[A-Za-z0-9]${segTail}`;
const symbol = `\\b(?:A|S|E|ST|CRC|CCPR|CEDAW|CERD|CESCR|CAT|UNEP|TD|DP)(?:/[A-Z]${segTail})*/(?:(?:ES|S)-)?\\d${segTail}(?:/${seg})*(?:\\s?\\((?:\\d{4}|[IVXLC]{1,8})\\))?(?![\\w/])`;

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Policy Statement',
  scopeName: 'text.policy-statement',
  patterns: [
    { include: '#front-matter' },
    { include: '#paragraph-start' },
    { include: '#preambular-start' },
    { include: '#inline' },
  ],
  repository: {
    'front-matter': {
      comment: 'YAML between --- fences at the very top of the file.',
      begin: '\\A(---)[ \\t]*$',
      beginCaptures: { 1: { name: 'punctuation.definition.frontmatter.begin.policy-statement' } },
      end: '^(---|\\.\\.\\.)[ \\t]*$',
      endCaptures: { 1: { name: 'punctuation.definition.frontmatter.end.policy-statement' } },
      name: 'meta.frontmatter.policy-statement',
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [
        { include: 'source.yaml' },
        // Used only where no YAML grammar is installed (VS Code ships one); it also keeps the rule alive there.
        { match: '^[ \\t]*([A-Za-z_][\\w-]*)(?=[ \\t]*:)', captures: { 1: { name: 'entity.name.tag.frontmatter.policy-statement' } } },
      ],
    },
    'paragraph-start': {
      comment: 'A paragraph marker at line start, and an operative verb opening the paragraph.',
      match: `^[ \\t]*(${marker})(?=[ \\t\\x{00A0}]|$)(?:([ \\t\\x{00A0}]+)(${opening(phrases.operative)})\\b)?`,
      captures: {
        1: { name: 'markup.list.numbered.policy-statement punctuation.definition.list.begin.policy-statement' },
        3: { name: 'keyword.other.operative.policy-statement' },
      },
    },
    'preambular-start': {
      comment: 'A preambular opening phrase at line start (unnumbered paragraph).',
      match: `^[ \\t]*(${opening(phrases.preambular)})\\b`,
      captures: { 1: { name: 'markup.italic.preambular.policy-statement' } },
    },
    inline: {
      patterns: [
        { include: '#reference' },
        { include: '#document-symbol' },
        { include: '#money' },
        { include: '#date' },
        { include: '#percentage' },
        { include: '#count' },
        { include: '#year' },
        { include: '#number' },
        { include: '#quoted' },
      ],
    },
    reference: {
      comment: 'Resolutions cited in prose: "resolution 2254 (2015)", "UNSCRs 2254 and 2258", "paragraph 6 of resolution 2178 (2014)".',
      match: reference,
      name: 'variable.other.constant.reference.resolution.policy-statement',
    },
    'document-symbol': {
      comment: 'UN document symbols: S/RES/2254 (2015), A/RES/70/1, A/HRC/RES/31/1, S/PRST/2015/11, S/2017/573/Rev.1.',
      match: symbol,
      name: 'variable.other.constant.symbol.policy-statement',
    },
    money: {
      match: '(?:(?:US\\$|\\$|€|£|¥)\\s?\\d[\\d,]*(?:\\.\\d+)?|\\b(?:USD|EUR|GBP|CHF|JPY)\\s?\\d[\\d,]*(?:\\.\\d+)?)(?:\\s(?:thousand|million|billion|trillion)\\b)?|\\b\\d[\\d,]*(?:\\.\\d+)?(?:\\s(?:thousand|million|billion|trillion))?\\s(?:US\\s)?(?:dollars|euros|pounds|USD|EUR|GBP)\\b',
      name: 'constant.numeric.money.policy-statement',
    },
    date: {
      match: `\\b(?:\\d{1,2}\\s(?:${months})(?:\\s\\d{4})?|(?:${months})\\s\\d{1,2},\\s\\d{4}|(?:${months})\\s\\d{4})\\b`,
      name: 'constant.numeric.date.policy-statement',
    },
    percentage: {
      match: '\\b\\d+(?:\\.\\d+)?(?:\\s?%|\\s(?:per\\s?cent|percent)\\b)',
      name: 'constant.numeric.percentage.policy-statement',
    },
    count: {
      match: '\\b\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?\\b',
      name: 'constant.numeric.count.policy-statement',
    },
    year: {
      match: '\\b(?:1[89]|20)\\d{2}\\b',
      name: 'constant.numeric.year.policy-statement',
    },
    number: {
      match: '\\b\\d+(?:\\.\\d+)?\\b',
      name: 'constant.numeric.policy-statement',
    },
    quoted: {
      patterns: [
        {
          match: '(“)([^“”]*)(”)',
          name: 'string.quoted.double.curly.policy-statement',
          captures: {
            1: { name: 'punctuation.definition.string.begin.policy-statement' },
            3: { name: 'punctuation.definition.string.end.policy-statement' },
          },
        },
        {
          match: '(")([^"]*)(")',
          name: 'string.quoted.double.policy-statement',
          captures: {
            1: { name: 'punctuation.definition.string.begin.policy-statement' },
            3: { name: 'punctuation.definition.string.end.policy-statement' },
          },
        },
        {
          comment: 'Curly single quotes only; a closing ’ followed by a letter is an apostrophe (Da’esh).',
          match: '(‘)([^‘’]+)(’)(?![A-Za-z])',
          name: 'string.quoted.single.curly.policy-statement',
          captures: {
            1: { name: 'punctuation.definition.string.begin.policy-statement' },
            3: { name: 'punctuation.definition.string.end.policy-statement' },
          },
        },
      ],
    },
  },
};
const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== json) {
    console.error(`${path.relative(process.cwd(), out)} is out of date: run \`node scripts/build-grammar.mjs\`.`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(out, json);
}
