/**
 * The terminal app: the loop's frames drawn at the size of the terminal,
 * keys and the size handed to the loop.
 */
import { useApp, useWindowSize, type SuspendTerminal } from 'ink';
import { useLayoutEffect } from 'react';
import type { ScreenLoop } from '../drivers/loop.js';
import type { Frame } from '../frame/frame-model.js';
import type { TerminalSize } from '../frame/layout.js';
import type { Display } from '../frame/theme.js';
import type { FieldPainter } from '../terminal/painter.js';
import type { KeyboardProtocol } from '../terminal/keyboard-protocol.js';
import { useScreen } from '../terminal/use-screen.js';
import { Screen } from './Screen.js';

/** Props of {@link App}. */
export interface AppProps {
  readonly loop: ScreenLoop;
  readonly display: Display;
  /** A fixed terminal size instead of the real one (tests). */
  readonly size?: TerminalSize;
  /**
   * Draws the board rows and the numbers straight to the terminal (see
   * terminal/painter.ts); it passes the loop's frames on. Without it, Ink draws the whole frame.
   */
  readonly painter?: FieldPainter;
  /** What the terminal was told about key events (kitty keyboard protocol); without it every key is a tap. */
  readonly keyboard?: KeyboardProtocol;
  /** Ctrl-Z: hand the terminal back to the shell and stop (see terminal/run-screen.tsx). @default Ctrl-Z does nothing */
  readonly onSuspend?: () => void;
  /** Gets Ink's hand-over of the terminal once mounted, for `onSuspend` and SIGTSTP. */
  readonly onSuspendTerminal?: (suspendTerminal: SuspendTerminal) => void;
  /** Called with each frame as it is rendered (the fault-injection test hook). */
  readonly onRender?: (frame: Frame) => void;
}

/** The screen in the terminal; exits the Ink app when the viewer quits. */
export function App({ loop, display, size: fixedSize, painter, keyboard, onSuspend, onSuspendTerminal, onRender }: AppProps) {
  const windowSize = useWindowSize();
  const { suspendTerminal } = useApp();
  useLayoutEffect(() => {
    onSuspendTerminal?.(suspendTerminal);
  }, [onSuspendTerminal, suspendTerminal]);
  const size = fixedSize ?? windowSize;
  const frame = useScreen(loop, painter ?? loop, size, keyboard, onSuspend);
  onRender?.(frame);
  // After Ink has written (or queued) this frame: the painter draws the fields over it.
  useLayoutEffect(() => {
    painter?.committed(frame);
  }, [painter, frame]);
  return <Screen frame={frame} display={display} fieldsBlank={painter !== undefined} />;
}
