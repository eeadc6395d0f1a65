import data from '../../../data/un-document-data.json';
import type { CatalogEntry } from './catalog';
import type { RecognisedReference, Reference, ReferenceStatus } from './types';

/** What resolution needs from the catalogs: an entry for a symbol. */
export interface CatalogLookup {
  lookup(symbol: string): CatalogEntry | undefined;
}

interface YearRow {
  year: number;
  first: number;
  last: number | null;
  approximate?: boolean;
  confirmedThrough?: number;
}

const sc = data.securityCouncil as {
  years: YearRow[];
  lastKnown: { number: number; date: string };
  newerMargin: number;
};
const ga = data.generalAssembly;
const hrc = data.humanRightsCouncil;

/** The Security Council year table row that holds resolution `n`, and whether that fact is approximate. */
export function securityCouncilYear(n: number): { year: number; approximate: boolean } | null {
  if (n < 1 || n > sc.lastKnown.number) return null;
  for (const row of sc.years) {
    if (n >= row.first && n <= (row.last ?? sc.lastKnown.number)) {
      const approximate = row.approximate === true || (row.confirmedThrough !== undefined && n > row.confirmedThrough);
      return { year: row.year, approximate };
    }
  }
  return null;
}

/** "2337–2397" for a complete year of the table, null when the year is not (or not fully) in it. */
function securityCouncilRange(year: number): string | null {
  const row = sc.years.find((r) => r.year === year && r.last !== null);
  return row ? `${row.first}–${row.last}` : null;
}

/** The year a General Assembly regular session opens: session N opens in September of 1945 + N. */
export function generalAssemblySessionYear(session: number): number {
  return 1945 + session;
}

const ORDINAL = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

interface Verdict {
  status: Exclude<ReferenceStatus, 'catalogued'>;
  symbol: string;
  adoptedYear: number | null;
  /** Years the reference may state without a mismatch (a GA session spans two). */
  acceptedYears: number[];
  approximate: boolean;
  reason: string | null;
}

/** Verdicts depend only on what is written; documents cite the same few documents again and again. */
const verdicts = new Map<string, Verdict>();

function cachedJudge(ref: RecognisedReference): Verdict {
  // The symbol as written fixes kind, body and session; the stated year is the only other input.
  const key = ref.year === null ? ref.symbol : `${ref.symbol}|${ref.year}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    if (verdicts.size > 10_000) verdicts.clear();
    verdict = judge(ref);
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Resolves a recognised reference against the bundled year data and the catalogs. */
export function resolveReference(ref: RecognisedReference, catalog: CatalogLookup): Reference {
  const verdict = cachedJudge(ref);
  const entry = catalog.lookup(verdict.symbol) ?? (verdict.symbol === ref.symbol ? undefined : catalog.lookup(ref.symbol));
  let { adoptedYear, acceptedYears, approximate } = verdict;
  let status: ReferenceStatus = verdict.status;
  let reason = verdict.reason;
  let symbol = verdict.symbol;
  if (entry !== undefined) {
    status = 'catalogued';
    symbol = entry.symbol;
    reason = null;
    if (entry.date !== undefined) {
      adoptedYear = Number(entry.date.slice(0, 4));
      acceptedYears = [adoptedYear];
    }
    approximate = entry.approximate === true;
  }
  const stated = ref.year !== null ? Number(ref.year) : null;
  const yearMismatch = stated !== null && status !== 'nonexistent' && acceptedYears.length > 0 && !acceptedYears.includes(stated);
  // Filled in place when the recogniser already made room for these fields (it does), else on a copy.
  const out = ('status' in ref ? ref : { ...ref }) as Reference;
  out.symbol = symbol;
  out.status = status;
  out.adoptedYear = adoptedYear;
  out.approximate = approximate;
  out.yearMismatch = yearMismatch;
  out.reason = reason;
  return out;
}

function judge(ref: RecognisedReference): Verdict {
  const base = { symbol: ref.symbol, adoptedYear: null, acceptedYears: [], approximate: false, reason: null };
  const n = ref.number !== null && /^\d+$/.test(ref.number) ? Number(ref.number) : NaN;
  if (ref.kind === 'resolution' && ref.body === 'SC') return judgeSecurityCouncil(ref, n);
  if (ref.kind === 'resolution' && ref.body === 'GA') return judgeGeneralAssembly(ref, n);
  if (ref.kind === 'resolution' && ref.body === 'HRC') return judgeHumanRightsCouncil(ref);
  const year = ref.year !== null ? Number(ref.year) : null;
  if (ref.kind === 'resolution' && ref.body === 'ECOSOC') {
    return byYear(year, data.ecosoc.firstYear, data.ecosoc.lastKnownYear, base, 'the Economic and Social Council has numbered resolutions by year since 1946');
  }
  if (ref.kind === 'presidential-statement') {
    return byYear(year, data.presidentialStatements.firstYear, data.presidentialStatements.lastKnownYear, base, 'presidential statements carry S/PRST symbols since 1994');
  }
  if (year === null) return { ...base, status: 'known' };
  return byYear(year, 1946, data.presidentialStatements.lastKnownYear, base, 'UN documents carry years from 1946');
}

function byYear(year: number | null, first: number, last: number, base: Omit<Verdict, 'status'>, rule: string): Verdict {
  if (year === null || year < first) return { ...base, status: 'nonexistent', reason: rule };
  if (year > last + 1) return { ...base, status: 'nonexistent', reason: `${year} is later than any document the bundled data can vouch for (up to ${last})` };
  if (year > last) return { ...base, status: 'unknown', reason: `newer than the bundled data (up to ${last})` };
  return { ...base, status: 'known', adoptedYear: year, acceptedYears: [year] };
}

function judgeSecurityCouncil(ref: RecognisedReference, n: number): Verdict {
  const stated = ref.year !== null ? Number(ref.year) : null;
  const base = { symbol: ref.symbol, adoptedYear: null, acceptedYears: [], approximate: false };
  const found = securityCouncilYear(n);
  if (found !== null) {
    return {
      status: 'known', symbol: `S/RES/${n} (${found.year})`, adoptedYear: found.year, acceptedYears: [found.year],
      approximate: found.approximate, reason: null,
    };
  }
  const last = sc.lastKnown;
  const statedRange = stated !== null ? securityCouncilRange(stated) : null;
  if (n < 1) return { ...base, status: 'nonexistent', reason: 'Security Council resolutions are numbered from 1' };
  if (statedRange !== null) {
    return { ...base, status: 'nonexistent', reason: `the Security Council adopted resolutions ${statedRange} in ${stated}` };
  }
  if (n <= last.number + sc.newerMargin) {
    return { ...base, status: 'unknown', reason: `newer than the bundled data, which ends at resolution ${last.number} (${last.date})` };
  }
  return {
    ...base, status: 'nonexistent',
    reason: `the Security Council had adopted ${last.number} resolutions by ${last.date}`,
  };
}

function judgeGeneralAssembly(ref: RecognisedReference, n: number): Verdict {
  const base = { symbol: ref.symbol, adoptedYear: null, acceptedYears: [] as number[], approximate: false };
  const session = ref.session ?? null;
  if (session === null) {
    // Plain numbers ("General Assembly resolution 181") were used before the 31st session (1976).
    return n >= 1 && n <= 3541
      ? { ...base, status: 'known', reason: null }
      : { ...base, status: 'nonexistent', reason: 'General Assembly resolutions without a session run from 1 to 3541 (1946–1975)' };
  }
  const special = /^(ES|S)-(\d+)$/.exec(session);
  if (special !== null) {
    const k = Number(special[2]);
    const last = special[1] === 'ES' ? ga.lastKnownEmergencySpecialSession : ga.lastKnownSpecialSession;
    const name = special[1] === 'ES' ? 'emergency special sessions' : 'special sessions';
    if (k >= 1 && k <= last) return { ...base, status: 'known', reason: null };
    if (k === last + 1) return { ...base, status: 'unknown', reason: `newer than the bundled data (${name} up to ${last})` };
    return { ...base, status: 'nonexistent', reason: `the General Assembly has held ${last} ${name}` };
  }
  const s = Number(session);
  if (/\([IVXL]+\)$/.test(ref.symbol)) {
    // Old style "3379 (XXX)": the Roman numeral is the session.
    const year = generalAssemblySessionYear(s);
    return s >= 1 && s <= 30
      ? { ...base, status: 'known', adoptedYear: year, acceptedYears: [year, year + 1], reason: null }
      : { ...base, status: 'nonexistent', reason: 'Roman session numbers were used up to the 30th session (1975)' };
  }
  if (s < ga.firstNumberedSession) {
    return { ...base, status: 'nonexistent', reason: `the General Assembly numbers resolutions session/number from its ${ORDINAL(ga.firstNumberedSession)} session (1976)` };
  }
  const year = generalAssemblySessionYear(s);
  if (s <= ga.lastKnownSession) return { ...base, status: 'known', adoptedYear: year, acceptedYears: [year, year + 1], reason: null };
  if (s === ga.lastKnownSession + 1) {
    return { ...base, status: 'unknown', adoptedYear: year, acceptedYears: [year, year + 1], reason: `newer than the bundled data (sessions up to the ${ORDINAL(ga.lastKnownSession)})` };
  }
  return { ...base, status: 'nonexistent', reason: `the ${ORDINAL(s)} session of the General Assembly opens only in ${year}` };
}

function judgeHumanRightsCouncil(ref: RecognisedReference): Verdict {
  const base = { symbol: ref.symbol, adoptedYear: null, acceptedYears: [] as number[], approximate: false };
  const session = ref.session ?? '';
  const special = /^S-(\d+)$/.exec(session);
  if (special !== null) {
    const k = Number(special[1]);
    if (k >= 1 && k <= hrc.lastKnownSpecialSession) return { ...base, status: 'known', reason: null };
    if (k <= hrc.lastKnownSpecialSession + 2) return { ...base, status: 'unknown', reason: `newer than the bundled data (special sessions up to ${hrc.lastKnownSpecialSession})` };
    return { ...base, status: 'nonexistent', reason: `the Human Rights Council has held about ${hrc.lastKnownSpecialSession} special sessions` };
  }
  const s = Number(session);
  // Three regular sessions a year: 1–3 in 2006, then 4–6 in 2007 and so on (approximate at the edges).
  const year = s <= 3 ? hrc.firstYear : hrc.firstYear + 1 + Math.floor((s - 4) / 3);
  if (s >= 1 && s <= hrc.lastKnownSession) {
    return { ...base, status: 'known', adoptedYear: year, acceptedYears: [year], approximate: true, reason: null };
  }
  if (s <= hrc.lastKnownSession + 3) return { ...base, status: 'unknown', reason: `newer than the bundled data (sessions up to ${hrc.lastKnownSession})` };
  return { ...base, status: 'nonexistent', reason: `the Human Rights Council has held about ${hrc.lastKnownSession} regular sessions` };
}
