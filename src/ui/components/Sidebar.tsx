/**
 * The column right of the board: SCORE, LEVEL, LINES and TIME, what is
 * watched (a replay's place, DEMO), and a reminder of the keys at the
 * bottom.
 *
 * It is plain text at the right edge of the screen on purpose: what changes
 * most often (the running clock) then ends its line, so redrawing it costs
 * a few bytes, and a falling piece that redraws a board row redraws only the
 * short text after it.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { gameLayout, SIDEBAR_COLUMN_WIDTH, STAT_HEIGHT, type Scale } from '../frame/layout.js';

/** Props of {@link Sidebar}. */
export interface SidebarProps {
  /** SCORE, LEVEL, LINES and TIME as shown (the frame's fields). */
  readonly numbers: readonly string[];
  /** LINES, or LINES LEFT in a sprint, GARBAGE LEFT in dig. */
  readonly linesLabel: string;
  /** TIME, or TIME LEFT in ultra. @default 'TIME' */
  readonly timeLabel?: string;
  /** How the game stands against the best one, '' for nothing to say. @default '' */
  readonly pace?: string;
  /** The feedback texts, '\n' between them; '' for none. @default '' */
  readonly feedback?: string;
  /** Lines under the numbers, '\n' between them; '' for none. */
  readonly side: string;
  /** The reminder at the bottom. */
  readonly hint: string;
  /** Leave the four numbers blank (the terminal app draws them, see terminal/screen-fields.ts). @default false */
  readonly numbersBlank?: boolean;
  /** The scale of the board beside it: its text stays as it is, its height and first row follow the board. @default 1 */
  readonly scale?: Scale;
  /** A line at the top, above the numbers (a versus player's name), styled as given. @default none */
  readonly title?: string;
  /** The labels of the numbers after TIME (versus: SENT), each over `numbers[4 + i]`. @default none */
  readonly moreLabels?: readonly string[];
}

const NO_LABELS: readonly string[] = Object.freeze([]);

/** A label on one row and its value on the next. */
function Stat({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <Box flexDirection="column" width={SIDEBAR_COLUMN_WIDTH} height={STAT_HEIGHT} flexShrink={0}>
      <Text>{label}</Text>
      <Text>{value}</Text>
    </Box>
  );
}

/** Lines of text, '\n' between them, one under the other. */
function Lines({ text }: { readonly text: string }) {
  return (
    <Box flexDirection="column" width={SIDEBAR_COLUMN_WIDTH} flexShrink={0}>
      {text.split('\n').map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a line is its place in the block
        <Text key={i}>{line}</Text>
      ))}
    </Box>
  );
}

/** The sidebar's column. */
export const Sidebar = memo(function Sidebar({
  numbers,
  linesLabel,
  timeLabel = 'TIME',
  side,
  feedback = '',
  pace = '',
  hint,
  numbersBlank = false,
  scale = 1,
  title,
  moreLabels = NO_LABELS,
}: SidebarProps) {
  const layout = gameLayout(scale);
  const value = (i: number): string => (numbersBlank ? '' : numbers[i]!);
  return (
    <Box flexDirection="column" width={SIDEBAR_COLUMN_WIDTH} height={layout.height} flexShrink={0}>
      <Box height={layout.sideTop} flexShrink={0}>
        {title ? <Text>{title}</Text> : null}
      </Box>
      <Stat label="SCORE" value={value(0)} />
      <Stat label="LEVEL" value={value(1)} />
      <Stat label={linesLabel} value={value(2)} />
      <Stat label={timeLabel} value={value(3)} />
      {moreLabels.map((label, i) => (
        <Stat key={label} label={label} value={value(4 + i)} />
      ))}
      {side ? <Lines text={side} /> : null}
      {pace ? <Stat label="VS BEST" value={pace} /> : null}
      {feedback ? <Lines text={feedback} /> : null}
      <Box flexGrow={1} />
      <Text>{hint}</Text>
    </Box>
  );
});
