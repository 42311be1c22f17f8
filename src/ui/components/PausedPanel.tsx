/**
 * PAUSED: covers the board while the game is paused, so a pause cannot be
 * used to study the stack.
 */
import { Box, Text } from 'ink';
import { commandKeys } from '../input/keymap.js';
import { coverPadding } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';

/** Props of {@link PausedPanel}. */
export interface PausedPanelProps {
  readonly display: Display;
  /** The lines under PAUSED. @default the game's keys to resume and to quit */
  readonly hints?: readonly string[];
}

/** The panel drawn inside the board's border while paused. */
export function PausedPanel({ display, hints }: PausedPanelProps) {
  const lines = hints ?? [
    `${commandKeys(display.keymap, 'pause', display.ascii, 5)} to resume`,
    `${commandKeys(display.keymap, 'quit', display.ascii, 5)} to quit`,
  ];
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(2 + lines.length)}>
      <Text bold={display.palette !== null}>PAUSED</Text>
      <Text> </Text>
      {lines.map((line) => (
        <Text key={line}>{line}</Text>
      ))}
    </Box>
  );
}
