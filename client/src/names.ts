/** Names shared with package.json `contributes`; keep both in step. */
export const LANGUAGE_ID = 'policy-statement';
/** Settings prefix; also the language client id, so `policyAnnotator.trace.server` traces the connection. */
export const SETTINGS_SECTION = 'policyAnnotator';
export const DISPLAY_NAME = 'Policy Annotator';
