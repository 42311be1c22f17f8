/**
 * The whole terminal: the game screen centred in it, or the too-small
 * message when it does not fit.
 */
import { Box } from 'ink';
import { GameFrame } from './GameFrame.js';
import { fits, LAYOUT, type TerminalSize } from '../frame/layout.js';
import type { ScreenView } from '../drivers/screen.js';
import type { Display } from '../frame/theme.js';
import { TooSmall } from './TooSmall.js';

/** Props of {@link Screen}. */
export interface ScreenProps {
  readonly view: ScreenView;
  readonly size: TerminalSize;
  readonly display: Display;
  /** Leave the board rows and the numbers blank (see GameFrame). @default false */
  readonly fieldsBlank?: boolean;
}

/** The game centred in a terminal of `size`, or `Terminal too small`. */
export function Screen({ view, size, display, fieldsBlank = false }: ScreenProps) {
  if (!fits(size)) return <TooSmall size={size} />;
  return (
    // Whole-cell margins, not Yoga's centring, so every row lands on a whole row.
    <Box
      width={size.columns}
      height={size.rows}
      paddingLeft={Math.floor((size.columns - LAYOUT.width) / 2)}
      paddingTop={Math.floor((size.rows - LAYOUT.height) / 2)}
    >
      <GameFrame
        state={view.state}
        display={display}
        help={view.help}
        best={view.best}
        rank={view.rank ?? null}
        watch={view.watch}
        fieldsBlank={fieldsBlank}
      />
    </Box>
  );
}
