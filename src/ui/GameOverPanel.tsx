/**
 * The end of a game: why it ended, the numbers (score, lines, level, time,
 * pieces per second) and the keys to play again or leave.
 */
import { Box, Text } from 'ink';
import type { GameState } from '../core/index.js';
import { BOARD_COLUMNS, CELL_WIDTH, coverPadding, formatTime, piecesPerSecond } from './layout.js';
import { commandKeys } from './keymap.js';
import type { Display } from './theme.js';

/** Props of {@link GameOverPanel}. */
export interface GameOverPanelProps {
  readonly state: GameState;
  readonly display: Display;
}

const WIDTH = BOARD_COLUMNS * CELL_WIDTH - 2;

function Row({ label, value }: { readonly label: string; readonly value: string }) {
  return <Text>{label + value.padStart(WIDTH - label.length)}</Text>;
}

/** The panel drawn inside the board's border once the game is over. */
export function GameOverPanel({ state, display }: GameOverPanelProps) {
  // A sprint that reached its lines ends without a top out.
  const title = state.topOut === null ? 'FINISHED' : 'GAME OVER';
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(10)}>
      <Text bold={display.palette !== null}>{title}</Text>
      <Text> </Text>
      <Box flexDirection="column" width={WIDTH}>
        <Row label="SCORE" value={String(state.score)} />
        <Row label="LINES" value={String(state.lines)} />
        <Row label="LEVEL" value={String(state.level)} />
        <Row label="TIME" value={formatTime(state.time, true)} />
        <Row label="PIECES/S" value={piecesPerSecond(state.pieces, state.time)} />
        <Text> </Text>
        <Text>{commandKeys(display.keymap, 'restart', display.ascii, 5).padEnd(6)}play again</Text>
        <Text>{commandKeys(display.keymap, 'quit', display.ascii, 5).padEnd(6)}quit</Text>
      </Box>
    </Box>
  );
}
