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

/** The panel for `cover`. */
export function CoverPanel({ cover, display }: { readonly cover: Cover; readonly display: Display }) {
  switch (cover.kind) {
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
