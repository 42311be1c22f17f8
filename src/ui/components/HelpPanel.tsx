/**
 * The keys, drawn over the board when the player presses `?`; the game is
 * paused while it shows. Built from the keymap, so it lists what the keys
 * really do.
 */
import { Box, Text } from 'ink';
import { commandKeys, helpRows } from '../input/keymap.js';
import { coverPadding } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';

/** Props of {@link HelpPanel}. */
export interface HelpPanelProps {
  readonly display: Display;
  /** The keys to list. @default the game's keys, from the keymap */
  readonly rows?: readonly { readonly keys: string; readonly action: string }[];
  /** The line under the list. @default how to close the panel with the help key */
  readonly footer?: string;
}

const KEYS_WIDTH = 7;

/** The key list drawn inside the board's border. */
export function HelpPanel({ display, rows: given, footer }: HelpPanelProps) {
  const rows = given ?? helpRows(display.keymap, display.ascii, KEYS_WIDTH - 1);
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(rows.length + 4)}>
      <Text bold={display.palette !== null}>KEYS</Text>
      <Text> </Text>
      <Box flexDirection="column" paddingLeft={1}>
        {rows.map((row) => (
          <Text key={row.action}>{row.keys.padEnd(KEYS_WIDTH) + row.action}</Text>
        ))}
      </Box>
      <Text> </Text>
      <Text>{footer ?? `${commandKeys(display.keymap, 'help', display.ascii, 4)} to close`}</Text>
    </Box>
  );
}
