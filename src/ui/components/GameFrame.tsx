/**
 * The game screen, LAYOUT.width x LAYOUT.height cells: HOLD, NEXT, the
 * board, and the numbers. A pure function of the game state and the display
 * options, so `replay --frame` prints exactly what the terminal shows.
 */
import { Box } from 'ink';
import type { ReactElement } from 'react';
import { nextPieces, type GameState } from '../../core/index.js';
import { Board } from './Board.js';
import { boardLines } from '../frame-view.js';
import { GameOverPanel, type PanelKey } from './GameOverPanel.js';
import { HoldPanel } from './HoldPanel.js';
import { HelpPanel } from './HelpPanel.js';
import { commandKeys } from '../input/keymap.js';
import { BOARD_COLUMNS, BOARD_ROWS, BOARD_WIDTH, GAP, LAYOUT, PIECE_COLUMN_WIDTH, SIDEBAR_WIDTH } from '../frame/layout.js';
import { NextPanel } from './NextPanel.js';
import { PausedPanel } from './PausedPanel.js';
import type { WatchStatus } from '../drivers/screen.js';
import { Sidebar } from './Sidebar.js';
import type { Display } from '../frame/theme.js';
import { watchHelpRows, watchKeys } from '../input/watch-keys.js';

/** Props of {@link GameFrame}. */
export interface GameFrameProps {
  readonly state: GameState;
  readonly display: Display;
  /** Show the keys over the board (the game is paused meanwhile). @default false */
  readonly help?: boolean;
  /** The best result of this mode before this game, for the end panel (see GameOverPanel). */
  readonly best?: number | null;
  /** The ended game's place in the high-score table, for the end panel. @default null */
  readonly rank?: number | null;
  /** Set when a replay or the demo is watched: its sidebar, its keys. */
  readonly watch?: WatchStatus;
  /**
   * Leave the board rows and the four numbers blank: the terminal app draws
   * them itself (see screen-fields.ts). @default false
   */
  readonly fieldsBlank?: boolean;
}

/** The board with every cell empty, as GameFrame draws it when the fields are drawn elsewhere. */
const BLANK_LINES: readonly string[] = Object.freeze(Array<string>(BOARD_ROWS).fill('.'.repeat(BOARD_COLUMNS)));

/** The keys the end panel offers while a replay or the demo is watched. */
function watchEndKeys(watch: WatchStatus, display: Display): PanelKey[] {
  if (watch.kind === 'demo') return [{ keys: commandKeys(display.keymap, 'quit', display.ascii, 5), action: 'quit' }];
  return [
    { keys: watchKeys('restart', display.ascii, 5), action: 'watch again' },
    { keys: watchKeys('back', display.ascii, 5), action: 'back a piece' },
    { keys: watchKeys('quit', display.ascii, 5), action: 'quit' },
  ];
}

/** The panel over the board, or null when the board shows. */
function coverFor({ state, display, help = false, best, rank = null, watch }: GameFrameProps) {
  if (help) {
    if (watch?.kind === 'replay')
      return (
        <HelpPanel display={display} rows={watchHelpRows(display.ascii, 6)} footer={`${watchKeys('help', display.ascii, 4)} to close`} />
      );
    if (watch?.kind === 'demo') return <HelpPanel display={display} footer="any key to close" />;
    return <HelpPanel display={display} />;
  }
  if (state.status === 'over')
    return (
      <GameOverPanel state={state} display={display} best={best} rank={rank} keys={watch ? watchEndKeys(watch, display) : undefined} />
    );
  // A replay shows where its player paused; the watcher's own pause is in the sidebar.
  if (state.status === 'paused') return <PausedPanel display={display} hints={watch ? ['the player', 'paused here'] : undefined} />;
  return null;
}

/** The four columns of the game screen, left to right, each of a fixed width (see {@link GAME_FRAME_COLUMNS}). */
export interface GameFrameParts {
  readonly hold: ReactElement;
  readonly next: ReactElement;
  /** The board in its border, or the panel that covers it. */
  readonly board: ReactElement;
  readonly sidebar: ReactElement;
  /** Whether a panel covers the board (then `board` draws it, not the rows). */
  readonly covered: boolean;
}

/** The width of each column, in the order HOLD, NEXT, board, sidebar; GAP columns lie between them. */
export const GAME_FRAME_COLUMNS: readonly number[] = [PIECE_COLUMN_WIDTH, PIECE_COLUMN_WIDTH, BOARD_WIDTH, SIDEBAR_WIDTH];

/**
 * The columns of the screen for these props. GameFrame lays them side by
 * side; the asciicast export draws them one by one, so that a column that
 * did not change costs nothing.
 */
export function gameFrameParts(props: GameFrameProps): GameFrameParts {
  const { state, display, help = false, watch, fieldsBlank = false } = props;
  const hidden = state.status === 'paused' || help;
  const cover = coverFor(props);
  return {
    hold: <HoldPanel piece={state.hold} hidden={hidden} display={display} />,
    next: <NextPanel pieces={nextPieces(state, display.preview).join('')} hidden={hidden} display={display} />,
    board: <Board lines={cover ? [] : fieldsBlank ? BLANK_LINES : boardLines(state, display.ghost)} display={display} cover={cover} />,
    sidebar: (
      <Sidebar
        score={state.score}
        level={state.level}
        lines={state.lines}
        time={state.time}
        mode={state.settings.mode}
        display={display}
        watch={watch}
        numbersBlank={fieldsBlank}
      />
    ),
    covered: cover !== null,
  };
}

/** The whole game screen. While paused, the board, NEXT and HOLD are hidden. */
export function GameFrame(props: GameFrameProps) {
  const parts = gameFrameParts(props);
  return (
    <Box flexDirection="row" width={LAYOUT.width} height={LAYOUT.height} flexShrink={0}>
      {parts.hold}
      <Box marginLeft={GAP}>{parts.next}</Box>
      <Box marginLeft={GAP}>{parts.board}</Box>
      <Box marginLeft={GAP}>{parts.sidebar}</Box>
    </Box>
  );
}
