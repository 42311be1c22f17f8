/**
 * The end of a game: why it ended, the statistics, the personal best, and
 * the keys to play again or leave. A sprint leads with its time; a marathon
 * with its score, and adds the tetris rate.
 */
import { Box, Text } from 'ink';
import { gameStats, isNewBest, isPractice, type GameState } from '../core/index.js';
import { BOARD_COLUMNS, CELL_WIDTH, coverPadding, formatTime, piecesPerSecond } from './layout.js';
import { commandKeys } from './keymap.js';
import type { Display } from './theme.js';

/** A key and what it does, as the panel lists them under the numbers. */
export interface PanelKey {
  readonly keys: string;
  readonly action: string;
}

/** Props of {@link GameOverPanel}. */
export interface GameOverPanelProps {
  readonly state: GameState;
  readonly display: Display;
  /**
   * The best result of this mode before this game (score, or sprint time in
   * ticks): null when there is none yet, undefined when it is not known
   * (a replay), which leaves the BEST row out.
   */
  readonly best?: number | null;
  /** The game's place in the high-score table (1-10), shown as RANK when known. @default null */
  readonly rank?: number | null;
  /** The keys listed at the bottom. @default the game's restart and quit keys */
  readonly keys?: readonly PanelKey[];
}

const WIDTH = BOARD_COLUMNS * CELL_WIDTH - 2;

function Row({ label, value }: { readonly label: string; readonly value: string }) {
  return <Text>{label + value.padStart(WIDTH - label.length)}</Text>;
}

/** The share of lines cleared by tetrises as a whole percentage, `-` before the first line. */
function percent(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}

/**
 * The BEST row: the best before this game, or NEW PERSONAL BEST when this
 * game beats it; a practice game (a fixed queue) says it is not ranked instead.
 */
function BestRow({ state, best, bold }: { readonly state: GameState; readonly best: number | null; readonly bold: boolean }) {
  const mode = state.settings.mode;
  if (isPractice(state.settings)) return <Text>PRACTICE, UNRANKED</Text>;
  if (isNewBest(state, best)) return <Text bold={bold}>NEW PERSONAL BEST</Text>;
  if (best === null) return null;
  return <Row label="BEST" value={mode === 'sprint' ? formatTime(best, true) : String(best)} />;
}

/** The panel drawn inside the board's border once the game is over. */
export function GameOverPanel({ state, display, best, rank = null, keys }: GameOverPanelProps) {
  // A sprint that reached its lines ends without a top out.
  const title = state.topOut === null ? 'FINISHED' : 'GAME OVER';
  const stats = gameStats(state);
  const sprint = state.settings.mode === 'sprint';
  const bold = display.palette !== null;
  const listed = keys ?? [
    { keys: commandKeys(display.keymap, 'restart', display.ascii, 5), action: 'play again' },
    { keys: commandKeys(display.keymap, 'quit', display.ascii, 5), action: 'quit' },
  ];
  const time = <Row key="time" label="TIME" value={formatTime(stats.time, true)} />;
  const pps = <Row key="pps" label="PIECES/S" value={piecesPerSecond(stats.pieces, stats.time)} />;
  const score = <Row key="score" label="SCORE" value={String(state.score)} />;
  const lines = <Row key="lines" label="LINES" value={String(stats.lines)} />;
  // Sprint: the time is the result. Marathon: the score, and the level it reached.
  const head = sprint
    ? [time, pps, lines, score]
    : [score, lines, <Row key="level" label="LEVEL" value={String(state.level)} />, time, pps];
  const rows = 2 + head.length + 4 + (sprint ? 0 : 1) + (best === undefined ? 0 : 1) + (rank === null ? 0 : 1) + 1 + listed.length;
  return (
    <Box flexDirection="column" flexGrow={1} alignItems="center" paddingTop={coverPadding(rows)}>
      <Text bold={bold}>{title}</Text>
      <Text> </Text>
      <Box flexDirection="column" width={WIDTH}>
        {head}
        <Row label="SINGLES" value={String(stats.singles)} />
        <Row label="DOUBLES" value={String(stats.doubles)} />
        <Row label="TRIPLES" value={String(stats.triples)} />
        <Row label="TETRISES" value={String(stats.tetrises)} />
        {sprint ? null : <Row label="TETRIS RATE" value={percent(stats.tetrisRate)} />}
        {best === undefined ? null : <BestRow state={state} best={best} bold={bold} />}
        {rank === null ? null : <Row label="HIGH SCORE" value={`#${rank}`} />}
        <Text> </Text>
        {listed.map((key) => (
          <Text key={key.action}>
            {key.keys.padEnd(6)}
            {key.action}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
