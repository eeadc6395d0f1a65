import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCodebook } from '../../../server/src/core/coding/codebook';
import { readCodings } from '../../../server/src/core/coding/codings';
import { buildReport, reportCsv, reportMarkdown, reportRows } from '../../../server/src/core/coding/report';
import { statementOf } from './statement';

const codebook = parseCodebook('file:///cb.yaml', `codes:
  - id: HUM
    label: Humanitarian
    codable: false
    children:
      - id: HUM.AID
        label: Aid
        description: Funding and assistance.
  - id: CT
    label: Counter-terrorism
`);

const text = `---
codings:
  - paragraph: "1"
    codes: [HUM.AID, CT]
    memo: 'Pledge, "new" money'
  - paragraph: "2"
    codes: [CT, XX]
---
1. We pledge | new funds for assistance.

2. We condemn <b>terrorism</b> in all its forms, as stated in resolution 2178 (2014).

3. Uncoded closing paragraph.
`;

function rows() {
  const st = statementOf(text);
  const codings = readCodings(st, { codebook });
  return reportRows('a.statement', st, codings, (p) => (p.path === '2' ? { references: ['S/RES/2178 (2014)'], entities: ['ISIL'] } : { references: [], entities: [] }));
}

test('report counts frequency, sub-code roll-ups, co-occurrence, kinds and cited documents', () => {
  const report = buildReport(rows(), codebook);
  assert.deepEqual(report.codes, ['HUM.AID', 'CT', 'XX']);
  assert.equal(report.codedParagraphs, 2);
  assert.deepEqual([...report.frequency.get('CT')!], [['a.statement', 2]]);
  assert.deepEqual([...report.withDescendants], [['HUM', 1]]);
  assert.deepEqual([...report.cooccurrence], [['HUM.AID\u0000CT', 1], ['CT\u0000XX', 1]]);
  assert.deepEqual([...report.byDocument.get('CT')!], [['S/RES/2178 (2014)', 1]]);
});

test('Markdown report, escaped', () => {
  assert.equal(reportMarkdown(buildReport(rows(), codebook), codebook), `# Coding report

2 of 3 paragraphs coded in 1 file, with 3 codes.

## Frequency

Paragraphs coded with each code; categories also count paragraphs coded with their sub-codes.

| Code | Paragraphs | With sub-codes |
| --- | ---: | ---: |
| HUM Humanitarian | 0 | 1 |
| HUM.AID Aid | 1 |  |
| CT Counter-terrorism | 2 |  |
| XX | 1 |  |

## Co-occurrence

Paragraphs coded with both codes.

| Code | Code | Paragraphs |
| --- | --- | ---: |
| CT Counter-terrorism | XX | 1 |
| HUM.AID Aid | CT Counter-terrorism | 1 |

## By paragraph kind

| Code | numbered |
| --- | ---: |
| HUM.AID Aid | 1 |
| CT Counter-terrorism | 2 |
| XX | 1 |

## By cited document

| Code | Document | Paragraphs |
| --- | --- | ---: |
| CT Counter-terrorism | S/RES/2178 (2014) | 1 |
| XX | S/RES/2178 (2014) | 1 |

## Coded paragraphs

### HUM.AID Aid (1)

*Funding and assistance.*

- **¶ 1** (numbered): We pledge \\| new funds for assistance. — *memo:* Pledge, "new" money

### CT Counter-terrorism (2)

- **¶ 1** (numbered): We pledge \\| new funds for assistance. — *memo:* Pledge, "new" money
- **¶ 2** (numbered): We condemn &lt;b&gt;terrorism&lt;/b&gt; in all its forms, as stated in resolution 2178 (2014).

### XX (1)

- **¶ 2** (numbered): We condemn &lt;b&gt;terrorism&lt;/b&gt; in all its forms, as stated in resolution 2178 (2014).
`);
});

test('CSV: one row per paragraph with RFC 4180 quoting and CRLF records', () => {
  assert.equal(reportCsv(rows()), [
    'file,path,kind,codes,memo,references,entities,excerpt',
    'a.statement,1,numbered,HUM.AID; CT,"Pledge, ""new"" money",,,We pledge | new funds for assistance.',
    'a.statement,2,numbered,CT; XX,,S/RES/2178 (2014),ISIL,"We condemn <b>terrorism</b> in all its forms, as stated in resolution 2178 (2014)."',
    'a.statement,3,numbered,,,,,Uncoded closing paragraph.',
    '',
  ].join('\r\n'));
});
