/**
 * A game frame as plain text: the screen the terminal shows for a game
 * state, without colour or escape codes. `inktris replay FILE --frame N`
 * prints this; tests snapshot it.
 */
import { renderToString } from 'ink';
import type { GameState } from '../../core/index.js';
import { GameFrame } from '../components/GameFrame.js';
import { stillView } from '../drivers/screen.js';
import { frameOf } from '../frame/frame-model.js';
import { LAYOUT } from '../frame/layout.js';
import { resolveDisplay } from '../frame/theme.js';

/** Display options of {@link frameText}; colour is always off. */
export interface FrameTextOptions {
  /** ASCII characters only (`--ascii`). @default false */
  readonly ascii?: boolean;
  /** Draw the ghost piece. @default true */
  readonly ghost?: boolean;
  /** Pieces under NEXT, 1-6. @default 5 */
  readonly preview?: number;
  /** Only `false` is accepted: frames as text have no colour. */
  readonly color?: false;
}

/**
 * The frame for `state`, LAYOUT.width x LAYOUT.height, as lines joined by
 * `\n` (trailing spaces trimmed, no trailing newline). A pure function of the
 * state and the options: TIME comes from the state's ticks, not a clock.
 */
export function frameText(state: GameState, options: FrameTextOptions = {}): string {
  const display = resolveDisplay({ ascii: options.ascii, ghost: options.ghost, preview: options.preview, color: false });
  const frame = frameOf(stillView(state), display, { columns: LAYOUT.width, rows: LAYOUT.height });
  if (frame.kind !== 'game') throw new Error('the game screen does not fit its own size');
  return renderToString(<GameFrame frame={frame} display={display} />, { columns: LAYOUT.width });
}
