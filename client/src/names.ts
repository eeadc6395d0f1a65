/** Names shared with package.json `contributes`; test/package/manifest.test.ts keeps both in step. */
export const LANGUAGE_ID = 'policy-statement';
/** Settings prefix; also the language client id, so `policyAnnotator.trace.server` traces the connection. */
export const SETTINGS_SECTION = 'policyAnnotator';
export const DISPLAY_NAME = 'Policy Annotator';
/** The bundled server, relative to the extension root (next to dist/client.js). */
export const SERVER_BUNDLE = 'dist/server.js';
export const COMMANDS = {
  treatAsStatement: 'policyAnnotator.treatAsStatement',
  nextReference: 'policyAnnotator.nextReference',
  previousReference: 'policyAnnotator.previousReference',
  revealReference: 'policyAnnotator.revealReference',
} as const;
/** The "References in this statement" tree view. */
export const REFERENCES_VIEW = 'policyAnnotator.references';
