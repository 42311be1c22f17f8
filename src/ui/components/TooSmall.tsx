/**
 * What a terminal smaller than the game screen shows instead of the game
 * (which pauses until the terminal grows).
 */
import { Box, Text } from 'ink';
import type { TerminalSize } from '../frame/layout.js';

/** Props of {@link TooSmall}. */
export interface TooSmallProps {
  readonly size: TerminalSize;
  /** The size what is shown needs. */
  readonly need: TerminalSize;
}

/** `Terminal too small: need W x H`, in the top-left corner where even a tiny terminal shows it. */
export function TooSmall({ size, need }: TooSmallProps) {
  return (
    <Box flexDirection="column" width={size.columns}>
      <Text>
        Terminal too small: need {need.columns} x {need.rows}
      </Text>
      <Text>
        (now {size.columns} x {size.rows}; q quits)
      </Text>
    </Box>
  );
}
