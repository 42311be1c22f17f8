/**
 * The summary JSON of `replay --json` (and any other `--json` that prints a
 * game): one object, two-space indented, one trailing newline.
 */
import type { MatchSummary } from '../core/match.js';
import type { Summary } from '../core/views.js';

/** The summary (of a game or a match) as the text a `--json` command prints. */
export function formatSummary(summary: Summary | MatchSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
