/**
 * The game screen, LAYOUT.width x LAYOUT.height cells: HOLD, NEXT, the
 * board, and the numbers. A pure function of the game state and the display
 * options, so `replay --frame` prints exactly what the terminal shows.
 */
import { Box } from 'ink';
import { nextPieces, type GameState } from '../core/index.js';
import { Board } from './Board.js';
import { boardLines } from './frame-view.js';
import { GameOverPanel } from './GameOverPanel.js';
import { HoldPanel } from './HoldPanel.js';
import { HelpPanel } from './HelpPanel.js';
import { GAP, LAYOUT } from './layout.js';
import { NextPanel } from './NextPanel.js';
import { PausedPanel } from './PausedPanel.js';
import { Sidebar } from './Sidebar.js';
import type { Display } from './theme.js';

/** Props of {@link GameFrame}. */
export interface GameFrameProps {
  readonly state: GameState;
  readonly display: Display;
  /** Show the keys over the board (the game is paused meanwhile). @default false */
  readonly help?: boolean;
}

/** The whole game screen. While paused, the board, NEXT and HOLD are hidden. */
export function GameFrame({ state, display, help = false }: GameFrameProps) {
  const paused = state.status === 'paused';
  const hidden = paused || help;
  let cover = null;
  if (help) cover = <HelpPanel display={display} />;
  else if (state.status === 'over') cover = <GameOverPanel state={state} display={display} />;
  else if (paused) cover = <PausedPanel display={display} />;
  return (
    <Box flexDirection="row" width={LAYOUT.width} height={LAYOUT.height} flexShrink={0}>
      <HoldPanel piece={state.hold} hidden={hidden} display={display} />
      <Box marginLeft={GAP}>
        <NextPanel pieces={nextPieces(state, display.preview).join('')} hidden={hidden} display={display} />
      </Box>
      <Box marginLeft={GAP}>
        <Board lines={cover ? [] : boardLines(state, display.ghost)} display={display} cover={cover} />
      </Box>
      <Box marginLeft={GAP}>
        <Sidebar
          score={state.score}
          level={state.level}
          lines={state.lines}
          time={state.time}
          mode={state.settings.mode}
          display={display}
        />
      </Box>
    </Box>
  );
}
