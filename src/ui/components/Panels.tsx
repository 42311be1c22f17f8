/**
 * The panels drawn inside the board's border instead of its cells: the
 * keys (help), PAUSED (so a pause cannot be used to study the stack), and
 * the end of a game. Each draws a `Cover` of the frame model, centred by
 * whole rows.
 */
import { Box, Text } from 'ink';
import type { Cover, KeyRow, OverRow } from '../frame/frame-model.js';
import { BOARD_COLUMNS, BOARD_ROWS, CELL_WIDTH, coverPadding, gameLayout, type GameLayout } from '../frame/layout.js';
import { boldText, type Display } from '../frame/theme.js';

/** Width of the end panel's rows: the well's inside, less a column each side. */
const overWidth = (layout: GameLayout): number => BOARD_COLUMNS * layout.cellWidth - 2;
/** Width of the end panel's rows at the normal size. */
const OVER_WIDTH = overWidth(gameLayout(1));
/** Width of the help panel's keys column, its gap included. */
const KEYS_WIDTH = 7;

function HelpPanel({
  rows,
  footer,
  display,
  wellRows,
}: {
  readonly rows: readonly KeyRow[];
  readonly footer: string;
  readonly display: Display;
  readonly wellRows: number;
}) {
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(rows.length + 4, wellRows)}>
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

function PausedPanel({
  lines,
  display,
  wellRows,
}: {
  readonly lines: readonly string[];
  readonly display: Display;
  readonly wellRows: number;
}) {
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(2 + lines.length, wellRows)}>
      <Text>{boldText('PAUSED', display)}</Text>
      <Text> </Text>
      {lines.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
    </Box>
  );
}

function overLine(row: OverRow, display: Display, width = OVER_WIDTH): string {
  if ('label' in row) return row.label + row.value.padStart(width - row.label.length);
  return row.bold ? boldText(row.text, display) : row.text;
}

function GameOverPanel({
  cover,
  display,
  wellRows,
}: {
  readonly cover: Extract<Cover, { kind: 'over' }>;
  readonly display: Display;
  readonly wellRows: number;
}) {
  const { title, rows, keys, height } = cover;
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(height, wellRows)}>
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

/**
 * Text drawn over some of the board's drawn rows (each board row is `scale`
 * of them, see board-lines.ts `scaleLines`): `lines[i]` over drawn row
 * `top + i` of the well, from character `from` of the drawn row, `cells`
 * characters wide (each character of a drawn row is CELL_WIDTH columns).
 */
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
export function boxLines(
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

/** The end of a game as a box over the final board, as wide as the well (its text at the normal size, at any scale). */
function overOverlay(cover: Extract<Cover, { kind: 'over' }>, display: Display, layout: GameLayout): Overlay {
  const { title, rows, keys } = cover;
  const width = overWidth(layout);
  const lines = [
    { text: title, shown: boldText(title, display), center: true },
    ...rows.map((row) => {
      const text = 'label' in row ? row.label + row.value.padStart(width - row.label.length) : row.text;
      return { text, shown: overLine(row, display, width), center: !('label' in row) };
    }),
    { text: '' },
    ...keys.map((key) => ({ text: key.keys.padEnd(6) + key.action })),
  ];
  // As wide as the well: its top and bottom rules across it, the well's sides for its own.
  const boxed = boxLines(lines, width, display, true);
  return { top: coverPadding(boxed.length, layout.wellRows), from: 0, cells: BOARD_COLUMNS * layout.scale, lines: boxed };
}

/** Columns inside the countdown's box: at scale 2 two more, so that it stands in the middle of the wider well. */
const countWidth = (layout: GameLayout): number => (layout.scale === 1 ? 8 : 10);

/** READY and the count in a small box in the middle of the well. */
function countdownOverlay(text: string, display: Display, layout: GameLayout): Overlay {
  const width = countWidth(layout);
  const boxed = boxLines(
    [
      { text: 'READY', shown: boldText('READY', display), center: true },
      { text, shown: boldText(text, display), center: true },
    ],
    width,
    display,
  );
  const cells = (width + 2) / CELL_WIDTH;
  return {
    top: coverPadding(boxed.length, layout.wellRows),
    from: Math.floor((BOARD_COLUMNS * layout.scale - cells) / 2),
    cells,
    lines: boxed,
  };
}

/**
 * What a cover that leaves the board visible draws over it, at the frame's
 * `layout` (the normal size by default); null for the covers that hide the board.
 */
export function coverOverlay(cover: Cover, display: Display, layout: GameLayout = gameLayout(1)): Overlay | null {
  if (cover.kind === 'over') return cover.under.length > 0 ? overOverlay(cover, display, layout) : null;
  if (cover.kind === 'countdown') return countdownOverlay(cover.text, display, layout);
  return null;
}

/** The panel for `cover`, inside a well of `wellRows` drawn rows. */
export function CoverPanel({
  cover,
  display,
  wellRows = BOARD_ROWS,
}: {
  readonly cover: Cover;
  readonly display: Display;
  /** @default BOARD_ROWS */
  readonly wellRows?: number;
}) {
  switch (cover.kind) {
    case 'countdown':
      return <PausedPanel lines={[cover.text]} display={display} wellRows={wellRows} />;
    case 'help':
      return <HelpPanel rows={cover.rows} footer={cover.footer} display={display} wellRows={wellRows} />;
    case 'paused':
      return <PausedPanel lines={cover.lines} display={display} wellRows={wellRows} />;
    case 'over':
      return <GameOverPanel cover={cover} display={display} wellRows={wellRows} />;
    default: {
      const never: never = cover;
      return never;
    }
  }
}
