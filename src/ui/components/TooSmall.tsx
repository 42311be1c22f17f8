/**
 * What a terminal smaller than the game screen shows instead of the game
 * (which pauses until the terminal grows).
 */
import { Box, Text } from 'ink';
import { LAYOUT, type TerminalSize } from '../frame/layout.js';

/** Props of {@link TooSmall}. */
export interface TooSmallProps {
  readonly size: TerminalSize;
}

/** `Terminal too small: need W x H`, in the top-left corner where even a tiny terminal shows it. */
export function TooSmall({ size }: TooSmallProps) {
  return (
    <Box flexDirection="column" width={size.columns}>
      <Text>
        Terminal too small: need {LAYOUT.width} x {LAYOUT.height}
      </Text>
      <Text>
        (now {size.columns} x {size.rows}; q quits)
      </Text>
    </Box>
  );
}
