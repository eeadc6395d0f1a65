/** Marks the suite's report lines, so a host that forwards every console line (code-server) can pick them out. */
export const REPORT_PREFIX = '[ext-host-test] ';
