/**
 * Patterns for UN document references, kept as data (the way reporters-db documents citation templates for
 * eyecite). `server/src/core/references/patterns.ts` compiles them; nothing else in the code knows a body name,
 * a keyword or a symbol shape.
 *
 * A template is a regular expression source in which `{name}` is replaced by the entry of `fragments` with that
 * name (fragments may use other fragments). Named groups (`(?<number>…)`) are the parts the recogniser reads.
 * Templates are compiled with the `u` flag, so `\p{L}` works; keep them free of backtracking traps: every
 * repetition is bounded or over a disjoint character class.
 *
 * This is a TypeScript module rather than YAML or JSON so that it carries comments and is bundled as is.
 */
export const referencePatterns = {
  version: 1,

  /**
   * Where a reference can start: a keyword, an abbreviation or a series letter and "/". One fast regex pass
   * finds these spots; the templates below run only there. Keep it in step with the keywords, abbreviations
   * and symbols.
   */
  prefilter: '[Rr]esolution|RESOLUTION|UNSCR|Res\\b|\\b[ASE]/',

  /** Building blocks shared by the templates below. */
  fragments: {
    /** Horizontal space between the parts of a reference: space, tab, NBSP, figure, thin, hair and narrow NBSP. */
    h: '[ \\t\\u00A0\\u2007\\u2009\\u200A\\u202F]',
    /** One line break (LF, CRLF or CR): a reference may be wrapped once between two of its parts. */
    nl: '(?:\\r\\n?|\\n)',
    /** Required separation between two words of a reference: spaces with at most one line break. */
    sp: '(?:{h}{1,8}(?:{nl}{h}{0,40})?|{nl}{h}{0,40})',
    /** Optional separation, e.g. "Resolution 1267(1999)", "UNSCR1701". */
    osp: '(?:{sp})?',
    /** A four-digit year in parentheses: "(2015)", "( 2015 )". */
    parenYear: '\\({h}{0,2}(?<year>(?:19|20)\\d\\d){h}{0,2}\\)',
    /** A General Assembly session in Roman numerals, the symbol style before 1976: "3379 (XXX)". */
    parenRoman: '\\((?<roman>[IVXL]{1,7})\\)',
  },

  /**
   * Words naming the adopting body, longest first, each mapped to its canonical code. Matched case-sensitively
   * except for the first letter of each word (a statement may write "Security council"); "the" is not part of it.
   */
  bodies: [
    {
      body: 'SC',
      names: [
        'United{sp}Nations{sp}Security{sp}Council',
        'U\\.N\\.{sp}Security{sp}Council',
        'UN{sp}Security{sp}Council',
        'Security{sp}Council',
        'UNSC',
        'SC',
      ],
    },
    {
      body: 'GA',
      names: [
        'United{sp}Nations{sp}General{sp}Assembly',
        'U\\.N\\.{sp}General{sp}Assembly',
        'UN{sp}General{sp}Assembly',
        'General{sp}Assembly',
        'UNGA',
        'GA',
      ],
    },
    {
      body: 'HRC',
      names: [
        'United{sp}Nations{sp}Human{sp}Rights{sp}Council',
        'UN{sp}Human{sp}Rights{sp}Council',
        'Human{sp}Rights{sp}Council',
        'UNHRC',
        'HRC',
      ],
    },
    {
      body: 'ECOSOC',
      names: ['Economic{sp}and{sp}Social{sp}Council', 'ECOSOC'],
    },
  ],

  /**
   * Words that say "resolution". `plural` lets a list follow without years ("resolutions 2139, 2165 and 2258");
   * `needsBody` keywords count only after a body name ("SC Res 2397 (2017)", never a bare "Res 5").
   */
  keywords: [
    { pattern: '[Rr]esolutions|RESOLUTIONS', plural: true, needsBody: false },
    { pattern: '[Rr]esolution|RESOLUTION', plural: false, needsBody: false },
    { pattern: 'Res\\.?', plural: false, needsBody: true },
  ],

  /** Abbreviations that are body and keyword at once: "UNSCR 2254", "UNSCRs 2254 and 2258", "UNSCR1701". */
  abbreviations: [
    { pattern: 'UNSCRs', body: 'SC', plural: true },
    { pattern: 'UNSCR', body: 'SC', plural: false },
  ],

  /**
   * A word right before the keyword that makes it someone else's resolution: "Senate Joint Resolution 115",
   * "House Concurrent Resolution 7". Compared case-insensitively, only when no UN body is named.
   */
  foreignQualifiers: [
    'senate', 'house', 'joint', 'concurrent', 'congressional', 'congress', 'parliament', 'parliamentary',
    'board', 'shareholder', 'shareholders', 'municipal', 'city', 'county', 'state', 'assembly',
    'european', 'cabinet', 'ministerial', 'party', 'union', 'conference',
  ],

  /**
   * Pinpoints written before "of": "paragraph 6 of", "paragraph 11 (j) of", "OP 3 of", "PP 2 of".
   * Groups: `pinText` (the pinpoint as written), `para`, `subs` ("(j)(ii)"), `pre` for the forms whose number
   * counts preambular paragraphs (path "PP2").
   */
  pinpoint: {
    template:
      '(?<pinText>(?:(?<pre>[Pp]reambular{sp}paragraph|PP)|[Oo]perative{sp}paragraph|[Pp]aragraph|[Pp]ara\\.?|OP)' +
      '{osp}(?<para>\\d{1,3})(?<subs>(?:{osp}\\([a-z]{1,5}\\)){0,3})){sp}of{sp}(?:the{sp})?',
  },

  /** Between the items of a list: ", ", " and ", ", and ", " as well as ", " or ", " & ". */
  separator: '{osp},{sp}(?:(?:and|as{sp}well{sp}as|or){sp})?|{sp}(?:and|as{sp}well{sp}as|or|and/or|&){sp}',

  /**
   * One item after a keyword. Groups: `gaSpecial`/`gaSession`/`gaNumber`/`part` for session-numbered forms
   * ("70/1", "57/270 B", "ES-10/2", "S-15/1", "2019/4" for ECOSOC); `scNumber` with an optional year for
   * Security Council numbers ("2254 (2015)", "1267(1999)"), or a Roman session for old General Assembly
   * numbers ("3379 (XXX)"). A number must not run on into digits, a decimal point or a thousands separator
   * ("1,050,000" is a count, not a list).
   */
  item:
    '(?:(?<gaSpecial>ES|S)-)?(?<gaSession>\\d{1,4})/(?<gaNumber>\\d{1,4})(?![\\d/])' +
    '(?:{h}(?<part>[A-H])(?![\\p{L}\\p{N}]))?' +
    '|(?<scNumber>\\d{1,5})(?![\\d/\\p{L}]|[.,]\\d|{h}?%)(?:{osp}(?:{parenYear}|{parenRoman}))?',

  /**
   * Document symbols, tried in order at a letter followed by "/". `symbol` is the normalised symbol built from
   * the groups; `kind` and `body` say what it is.
   */
  symbols: [
    {
      name: 'sc-resolution',
      template: 'S/RES/(?<number>\\d{1,5})(?![\\d/])(?:{osp}{parenYear})?',
      kind: 'resolution',
      body: 'SC',
      needsNumberedPart: false,
    },
    {
      name: 'hrc-resolution',
      template: 'A/HRC/RES/(?:(?<special>S)-)?(?<session>\\d{1,2})/(?<number>\\d{1,3})(?![\\d/])',
      kind: 'resolution',
      body: 'HRC',
      needsNumberedPart: false,
    },
    {
      name: 'ga-resolution',
      template:
        'A/RES/(?:(?<special>ES|S)-)?(?<session>\\d{1,3})/(?<number>\\d{1,4})(?![\\d/])(?:{h}(?<part>[A-H])(?![\\p{L}\\p{N}]))?',
      kind: 'resolution',
      body: 'GA',
      needsNumberedPart: false,
    },
    {
      name: 'ga-resolution-roman',
      template: 'A/RES/(?<number>\\d{1,4}){osp}{parenRoman}',
      kind: 'resolution',
      body: 'GA',
      needsNumberedPart: false,
    },
    {
      name: 'ecosoc-resolution',
      template: 'E/RES/(?<year>(?:19|20)\\d\\d)/(?<number>\\d{1,3})(?![\\d/])',
      kind: 'resolution',
      body: 'ECOSOC',
      needsNumberedPart: false,
    },
    {
      name: 'presidential-statement',
      template: 'S/PRST/(?<year>(?:19|20)\\d\\d)/(?<number>\\d{1,3})(?![\\d/])',
      kind: 'presidential-statement',
      body: 'SC',
      needsNumberedPart: false,
    },
    {
      /**
       * Any other symbol: a series letter (S, A, A/HRC, E) and two or more parts, at least one a number:
       * "S/2017/573", "A/HRC/32/CRP.1", "A/75/L.5", "S/PV.7588", "S/2018/10/Rev.1", "A/70/1/Add.1/Corr.1".
       */
      name: 'document',
      template:
        '(?<series>A/HRC|A|S|E)(?<parts>(?:/(?:(?:ES|S)-\\d{1,2}|\\d{1,5}|(?:Rev|Add|Corr|Amend|Suppl)\\.\\d{1,3}|[A-Z]{1,6}(?:\\.\\d{1,5})?)){1,8})(?![\\p{L}\\p{N}/])',
      /** A document needs a numbered part, and either two parts or a dotted one ("S/PV.7588"): "A/C" is not one. */
      needsNumberedPart: true,
      kind: 'document',
      body: null,
    },
  ],

  /** Which body a document symbol's series belongs to. */
  series: { S: 'SC', A: 'GA', 'A/HRC': 'HRC', E: 'ECOSOC' },
} as const;

export type ReferencePatterns = typeof referencePatterns;
