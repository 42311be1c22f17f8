/**
 * The whole terminal: the game screen at its place in it (frame/layout.ts
 * `frameOrigin`), or the too-small message when it does not fit.
 */
import { Box } from 'ink';
import type { Frame } from '../frame/frame-model.js';
import { frameOrigin } from '../frame/layout.js';
import { versusOrigin } from '../frame/versus-layout.js';
import type { Display } from '../frame/theme.js';
import { GameFrame } from './GameFrame.js';
import { MenuScreen } from './MenuScreen.js';
import { TooSmall } from './TooSmall.js';
import { VersusFrameView } from './VersusFrame.js';

/** Props of {@link Screen}. */
export interface ScreenProps {
  readonly frame: Frame;
  readonly display: Display;
  /** Leave the board rows and the numbers blank (see GameFrame). @default false */
  readonly fieldsBlank?: boolean;
}

/** The frame in its terminal, or `Terminal too small`. */
export function Screen({ frame, display, fieldsBlank = false }: ScreenProps) {
  if (frame.kind === 'tooSmall') return <TooSmall size={frame.size} need={frame.need} />;
  if (frame.kind === 'menu') return <MenuScreen frame={frame} display={display} />;
  if (frame.kind === 'versus') {
    const at = versusOrigin(frame.size, frame.scale);
    return (
      <Box width={frame.size.columns} height={frame.size.rows} paddingLeft={at.column} paddingTop={at.row}>
        <VersusFrameView frame={frame} display={display} fieldsBlank={fieldsBlank} />
      </Box>
    );
  }
  const { size } = frame;
  const origin = frameOrigin(size, frame.scale);
  return (
    // Whole-cell margins, not Yoga's centring, so every row lands on a whole row.
    <Box width={size.columns} height={size.rows} paddingLeft={origin.column} paddingTop={origin.row}>
      <GameFrame frame={frame} display={display} fieldsBlank={fieldsBlank} />
    </Box>
  );
}
