/**
 * The column right of the board: SCORE, LEVEL, LINES and TIME, and a
 * reminder of the help key at the bottom. Sprint shows the lines left
 * instead of the lines cleared.
 *
 * It is plain text at the right edge of the screen on purpose: what changes
 * most often (the running clock) then ends its line, so redrawing it costs
 * a few bytes, and a falling piece that redraws a board row redraws only the
 * short text after it.
 *
 * While a replay plays, it also shows REPLAY with the speed, the replay's
 * clock and the pieces locked of the replay's total; in the demo, DEMO.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Mode } from '../../core/index.js';
import { commandKeys } from '../input/keymap.js';
import { clockText, formatTime, LAYOUT, SIDEBAR_WIDTH, sidebarNumbers } from '../frame/layout.js';
import type { ReplayStatus, WatchStatus } from '../drivers/screen.js';
import type { Display } from '../frame/theme.js';
import { speedLabel, watchKeys } from '../input/watch-keys.js';

/** Props of {@link Sidebar}. */
export interface SidebarProps {
  readonly score: number;
  readonly level: number;
  readonly lines: number;
  /** Ticks of play. */
  readonly time: number;
  readonly mode: Mode;
  readonly display: Display;
  /** What is watched, when it is not a game being played. */
  readonly watch?: WatchStatus;
  /** Leave the four numbers blank (the terminal app draws them, see screen-fields.ts). @default false */
  readonly numbersBlank?: boolean;
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

/** The replay's place: speed (`||` while stopped, END at the end), clock, and pieces. */
function ReplayBlock({ status }: { readonly status: ReplayStatus }) {
  const mark = status.ended ? ' END' : status.paused ? ' ||' : '';
  const clock = `${formatTime(Math.min(status.tick, status.endTick))}/${formatTime(status.endTick)}`;
  return (
    <Box flexDirection="column" width={SIDEBAR_WIDTH} flexShrink={0}>
      <Text>REPLAY</Text>
      <Text>{speedLabel(status.speed) + mark}</Text>
      {/* The clock alone when the total does not fit (games of an hour or more), in coarser units past 9999 hours. */}
      <Text>{clock.length <= SIDEBAR_WIDTH ? clock : clockText(Math.min(status.tick, status.endTick), SIDEBAR_WIDTH)}</Text>
      <Text> </Text>
      <Text>PIECES</Text>
      <Text>{`${status.pieces}/${status.totalPieces}`.slice(0, SIDEBAR_WIDTH)}</Text>
    </Box>
  );
}

/** SCORE, LEVEL, LINES (or LINES LEFT in sprint), TIME; then what is watched, if anything. */
export const Sidebar = memo(function Sidebar({ score, level, lines, time, mode, display, watch, numbersBlank = false }: SidebarProps) {
  const demo = watch?.kind === 'demo';
  // The same strings screen-fields.ts draws: a value wider than the sidebar is cut to it.
  const [scoreText, levelText, linesText, timeText] = numbersBlank ? ['', '', '', ''] : sidebarNumbers(score, level, lines, time, mode);
  return (
    <Box flexDirection="column" width={SIDEBAR_WIDTH} height={LAYOUT.height} flexShrink={0}>
      <Box height={1} />
      <Stat label="SCORE" value={scoreText!} />
      <Stat label="LEVEL" value={levelText!} />
      <Stat label={mode === 'sprint' ? 'LINES LEFT' : 'LINES'} value={linesText!} />
      <Stat label="TIME" value={timeText!} />
      {watch?.kind === 'replay' ? <ReplayBlock status={watch} /> : null}
      {demo ? (
        <Box flexDirection="column" width={SIDEBAR_WIDTH} flexShrink={0}>
          <Text>DEMO</Text>
          <Text>any key:</Text>
          <Text>the keys</Text>
        </Box>
      ) : null}
      <Box flexGrow={1} />
      <Text>
        {demo
          ? `${commandKeys(display.keymap, 'quit', display.ascii, 1)} quit`
          : `${watch ? watchKeys('help', display.ascii, 4) : commandKeys(display.keymap, 'help', display.ascii, 4)} keys`}
      </Text>
    </Box>
  );
});
