/**
 * The panels drawn inside the board's border instead of its cells: the
 * keys (help), PAUSED (so a pause cannot be used to study the stack), and
 * the end of a game. Each draws a `Cover` of the frame model, centred by
 * whole rows.
 */
import { Box, Text } from 'ink';
import type { Cover, KeyRow, OverRow } from '../frame/frame-model.js';
import { BOARD_COLUMNS, CELL_WIDTH, coverPadding } from '../frame/layout.js';
import { boldText, type Display } from '../frame/theme.js';

/** Width of the end panel's rows. */
const OVER_WIDTH = BOARD_COLUMNS * CELL_WIDTH - 2;
/** Width of the help panel's keys column, its gap included. */
const KEYS_WIDTH = 7;

function HelpPanel({ rows, footer, display }: { readonly rows: readonly KeyRow[]; readonly footer: string; readonly display: Display }) {
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(rows.length + 4)}>
      <Text>{boldText('KEYS', display)}</Text>
      <Text> </Text>
      <Box flexDirection="column" paddingLeft={1}>
        {rows.map((row) => (
          <Text key={row.action}>{row.keys.padEnd(KEYS_WIDTH) + row.action}</Text>
        ))}
      </Box>
      <Text> </Text>
      <Text>{footer}</Text>
    </Box>
  );
}

function PausedPanel({ lines, display }: { readonly lines: readonly string[]; readonly display: Display }) {
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(2 + lines.length)}>
      <Text>{boldText('PAUSED', display)}</Text>
      <Text> </Text>
      {lines.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
    </Box>
  );
}

function overLine(row: OverRow, display: Display): string {
  if ('label' in row) return row.label + row.value.padStart(OVER_WIDTH - row.label.length);
  return row.bold ? boldText(row.text, display) : row.text;
}

function GameOverPanel({ cover, display }: { readonly cover: Extract<Cover, { kind: 'over' }>; readonly display: Display }) {
  const { title, rows, keys, height } = cover;
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(height)}>
      <Text>{boldText(title, display)}</Text>
      <Text> </Text>
      <Box flexDirection="column" width={OVER_WIDTH}>
        {rows.map((row) => (
          <Text key={'label' in row ? row.label : row.text}>{overLine(row, display)}</Text>
        ))}
        <Text> </Text>
        {keys.map((key) => (
          <Text key={key.action}>
            {key.keys.padEnd(6)}
            {key.action}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

/** Text drawn over some of the board's rows: `lines[i]` over well row `top + i`, from cell `from`, `cells` cells wide. */
export interface Overlay {
  readonly top: number;
  readonly from: number;
  readonly cells: number;
  /** Each exactly `cells * CELL_WIDTH` columns on screen (colour codes aside). */
  readonly lines: readonly string[];
}

/**
 * `lines` in a box of `width` columns inside: each centred or left as
 * given, bordered with the board's own border characters. `open` leaves
 * the sides blank: a box as wide as the well has the well's sides for its own.
 */
function boxLines(
  lines: readonly { readonly text: string; readonly shown?: string; readonly center?: boolean }[],
  width: number,
  display: Display,
  open = false,
): string[] {
  const ascii = display.glyphs.border === 'classic';
  const [tl, tr, bl, br, h, v] = ascii ? ['+', '+', '+', '+', '-', '|'] : ['┌', '┐', '└', '┘', '─', '│'];
  const [left, right] = open ? [h, h] : [tl, tr];
  const [lowLeft, lowRight] = open ? [h, h] : [bl, br];
  const side = open ? ' ' : v;
  const body = lines.map(({ text, shown, center }) => {
    const before = center ? Math.floor((width - text.length) / 2) : 0;
    const after = Math.max(0, width - before - text.length);
    return side + ' '.repeat(before) + (shown ?? text) + ' '.repeat(after) + side;
  });
  return [left + h.repeat(width) + right, ...body, lowLeft + h.repeat(width) + lowRight];
}

/** The end of a game as a box over the final board, as wide as the well. */
function overOverlay(cover: Extract<Cover, { kind: 'over' }>, display: Display): Overlay {
  const { title, rows, keys } = cover;
  const lines = [
    { text: title, shown: boldText(title, display), center: true },
    ...rows.map((row) => {
      const text = 'label' in row ? row.label + row.value.padStart(OVER_WIDTH - row.label.length) : row.text;
      return { text, shown: overLine(row, display), center: !('label' in row) };
    }),
    { text: '' },
    ...keys.map((key) => ({ text: key.keys.padEnd(6) + key.action })),
  ];
  // As wide as the well: its top and bottom rules across it, the well's sides for its own.
  const boxed = boxLines(lines, OVER_WIDTH, display, true);
  return { top: coverPadding(boxed.length), from: 0, cells: BOARD_COLUMNS, lines: boxed };
}

/** Columns inside the countdown's box. */
const COUNT_WIDTH = 8;

/** READY and the count in a small box in the middle of the well. */
function countdownOverlay(text: string, display: Display): Overlay {
  const boxed = boxLines(
    [
      { text: 'READY', shown: boldText('READY', display), center: true },
      { text, shown: boldText(text, display), center: true },
    ],
    COUNT_WIDTH,
    display,
  );
  const cells = (COUNT_WIDTH + 2) / CELL_WIDTH;
  return { top: coverPadding(boxed.length), from: Math.floor((BOARD_COLUMNS - cells) / 2), cells, lines: boxed };
}

/** What a cover that leaves the board visible draws over it; null for the covers that hide the board. */
export function coverOverlay(cover: Cover, display: Display): Overlay | null {
  if (cover.kind === 'over') return cover.under.length > 0 ? overOverlay(cover, display) : null;
  if (cover.kind === 'countdown') return countdownOverlay(cover.text, display);
  return null;
}

/** The panel for `cover`. */
export function CoverPanel({ cover, display }: { readonly cover: Cover; readonly display: Display }) {
  switch (cover.kind) {
    case 'countdown':
      return <PausedPanel lines={[cover.text]} display={display} />;
    case 'help':
      return <HelpPanel rows={cover.rows} footer={cover.footer} display={display} />;
    case 'paused':
      return <PausedPanel lines={cover.lines} display={display} />;
    case 'over':
      return <GameOverPanel cover={cover} display={display} />;
    default: {
      const never: never = cover;
      return never;
    }
  }
}
