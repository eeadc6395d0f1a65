/**
 * Inter-coder agreement over paragraphs as units. For each code, every unit is a binary decision (coded or
 * not) by each of two coders; the overall alpha pools the decisions of all codes.
 */

export interface CodeAgreement {
  /** Share of units on which both coders decided alike. */
  agreement: number;
  /** Cohen's kappa; null when chance agreement is total (both coders constant), so kappa is undefined. */
  kappa: number | null;
  /** Krippendorff's alpha (nominal); null when the data hold a single value, so alpha is undefined. */
  alpha: number | null;
}

export interface AgreementReport {
  units: number;
  codes: Record<string, CodeAgreement>;
  overall: { alpha: number | null };
  disagreements: { paragraph: string; a: string[]; b: string[] }[];
}

/** Counts of two coders' binary decisions: [a][b]. */
type Table = [[number, number], [number, number]];

function table(pairs: Iterable<[boolean, boolean]>): Table {
  const t: Table = [[0, 0], [0, 0]];
  for (const [a, b] of pairs) t[+a][+b]++;
  return t;
}

export function percentAgreement(t: Table): number {
  const n = t[0][0] + t[0][1] + t[1][0] + t[1][1];
  return n === 0 ? 1 : (t[0][0] + t[1][1]) / n;
}

export function cohensKappa(t: Table): number | null {
  const n = t[0][0] + t[0][1] + t[1][0] + t[1][1];
  if (n === 0) return null;
  const a1 = (t[1][0] + t[1][1]) / n;
  const b1 = (t[0][1] + t[1][1]) / n;
  const expected = a1 * b1 + (1 - a1) * (1 - b1);
  if (expected === 1) return null;
  return (percentAgreement(t) - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha for nominal data, two coders, no missing values: from the coincidence matrix,
 * alpha = 1 - (n - 1) * o_01 / (n_0 * n_1), with n = 2N pairable values and o_01 the off-diagonal count.
 */
export function krippendorffAlpha(t: Table): number | null {
  const disagreeing = t[0][1] + t[1][0];
  const units = t[0][0] + disagreeing + t[1][1];
  const n = 2 * units;
  const n1 = 2 * t[1][1] + disagreeing;
  const n0 = n - n1;
  if (n0 === 0 || n1 === 0) return null;
  return 1 - ((n - 1) * disagreeing) / (n0 * n1);
}

/** Binary statistics for one sequence of paired decisions (the textbook form, for tests and tools). */
export function binaryAgreement(a: boolean[], b: boolean[]): CodeAgreement {
  if (a.length !== b.length) throw new RangeError('both coders must rate the same units');
  const t = table(a.map((v, i) => [v, b[i]]));
  return { agreement: percentAgreement(t), kappa: cohensKappa(t), alpha: krippendorffAlpha(t) };
}

/**
 * Compares two codings of the same units. `a` and `b` map a unit (paragraph path) to its codes; units absent
 * from a map were left uncoded by that coder. `codeOrder` fixes the order of codes in the report (codebook
 * order); codes used but not listed follow alphabetically.
 */
export function compareCodings(units: string[], a: Map<string, string[]>, b: Map<string, string[]>, codeOrder: string[] = []): AgreementReport {
  const used = new Set<string>();
  for (const unit of units) for (const c of [...(a.get(unit) ?? []), ...(b.get(unit) ?? [])]) used.add(c);
  const codes = [...codeOrder.filter((c) => used.has(c)), ...[...used].filter((c) => !codeOrder.includes(c)).sort()];
  const perCode: Record<string, CodeAgreement> = {};
  const pooled: Table = [[0, 0], [0, 0]];
  for (const code of codes) {
    const t = table(units.map((u) => [(a.get(u) ?? []).includes(code), (b.get(u) ?? []).includes(code)]));
    perCode[code] = { agreement: percentAgreement(t), kappa: cohensKappa(t), alpha: krippendorffAlpha(t) };
    for (const i of [0, 1]) for (const j of [0, 1]) pooled[i][j] += t[i][j];
  }
  const sorted = (list: string[] | undefined): string[] => codes.filter((c) => (list ?? []).includes(c));
  const disagreements = units
    .map((paragraph) => ({ paragraph, a: sorted(a.get(paragraph)), b: sorted(b.get(paragraph)) }))
    .filter((d) => d.a.join('\u0000') !== d.b.join('\u0000'));
  return { units: units.length, codes: perCode, overall: { alpha: krippendorffAlpha(pooled) }, disagreements };
}
