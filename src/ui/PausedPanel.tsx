/**
 * PAUSED: covers the board while the game is paused, so a pause cannot be
 * used to study the stack.
 */
import { Box, Text } from 'ink';
import { commandKeys } from './keymap.js';
import { coverPadding } from './layout.js';
import type { Display } from './theme.js';

/** Props of {@link PausedPanel}. */
export interface PausedPanelProps {
  readonly display: Display;
}

/** The panel drawn inside the board's border while paused. */
export function PausedPanel({ display }: PausedPanelProps) {
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(4)}>
      <Text bold={display.palette !== null}>PAUSED</Text>
      <Text> </Text>
      <Text>{commandKeys(display.keymap, 'pause', display.ascii, 5)} to resume</Text>
      <Text>{commandKeys(display.keymap, 'quit', display.ascii, 5)} to quit</Text>
    </Box>
  );
}
