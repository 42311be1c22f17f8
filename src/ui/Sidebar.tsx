/**
 * The column right of the board: SCORE, LEVEL, LINES and TIME, and a
 * reminder of the help key at the bottom. Sprint shows the lines left
 * instead of the lines cleared.
 *
 * It is plain text at the right edge of the screen on purpose: what changes
 * most often (the running clock) then ends its line, so redrawing it costs
 * a few bytes, and a falling piece that redraws a board row redraws only the
 * short text after it.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { SPRINT_LINES, type Mode } from '../core/index.js';
import { commandKeys } from './keymap.js';
import { formatTime, LAYOUT, SIDEBAR_WIDTH } from './layout.js';
import type { Display } from './theme.js';

/** Props of {@link Sidebar}. */
export interface SidebarProps {
  readonly score: number;
  readonly level: number;
  readonly lines: number;
  /** Ticks of play. */
  readonly time: number;
  readonly mode: Mode;
  readonly display: Display;
}

/** A label on one row and its value on the next. */
function Stat({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <Box flexDirection="column" width={SIDEBAR_WIDTH} height={3} flexShrink={0}>
      <Text>{label}</Text>
      <Text>{value}</Text>
    </Box>
  );
}

/** SCORE, LEVEL, LINES (or LINES LEFT in sprint), TIME. */
export const Sidebar = memo(function Sidebar({ score, level, lines, time, mode, display }: SidebarProps) {
  return (
    <Box flexDirection="column" width={SIDEBAR_WIDTH} height={LAYOUT.height} flexShrink={0}>
      <Box height={1} />
      <Stat label="SCORE" value={String(score)} />
      <Stat label="LEVEL" value={String(level)} />
      {mode === 'sprint' ? (
        <Stat label="LINES LEFT" value={String(Math.max(0, SPRINT_LINES - lines))} />
      ) : (
        <Stat label="LINES" value={String(lines)} />
      )}
      <Stat label="TIME" value={formatTime(time)} />
      <Box flexGrow={1} />
      <Text>{commandKeys(display.keymap, 'help', display.ascii, 4)} keys</Text>
    </Box>
  );
});
