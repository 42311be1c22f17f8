/**
 * The interactive game: the screen for the controller's view, at the size of
 * the terminal.
 */
import { useApp, useWindowSize, type SuspendTerminal } from 'ink';
import { useLayoutEffect } from 'react';
import type { FieldPainter } from '../terminal/painter.js';
import { injectFault } from '../fault-injection.js';
import type { KeyboardProtocol } from '../terminal/keyboard-protocol.js';
import type { TerminalSize } from '../frame/layout.js';
import type { ScreenController } from '../drivers/screen.js';
import { Screen } from './Screen.js';
import type { Display } from '../frame/theme.js';
import { usePlay } from '../terminal/use-screen.js';

/** Props of {@link App}. */
export interface AppProps {
  readonly controller: ScreenController;
  readonly display: Display;
  /** A fixed terminal size instead of the real one (tests). */
  readonly size?: TerminalSize;
  /**
   * Draws the board rows and the numbers straight to the terminal (see
   * field-painter.ts); it wraps `controller`. Without it, Ink draws the whole frame.
   */
  readonly painter?: FieldPainter;
  /** What the terminal was told about key events (kitty keyboard protocol); without it every key is a tap. */
  readonly keyboard?: KeyboardProtocol;
  /** Ctrl-Z: hand the terminal back to the shell and stop (see run-play.tsx). @default Ctrl-Z does nothing */
  readonly onSuspend?: () => void;
  /** Gets Ink's hand-over of the terminal once mounted, for `onSuspend` and SIGTSTP. */
  readonly onSuspendTerminal?: (suspendTerminal: SuspendTerminal) => void;
}

/** The game in the terminal; exits the Ink app when the player quits. */
export function App({ controller, display, size: fixedSize, painter, keyboard, onSuspend, onSuspendTerminal }: AppProps) {
  const windowSize = useWindowSize();
  const { suspendTerminal } = useApp();
  useLayoutEffect(() => {
    onSuspendTerminal?.(suspendTerminal);
  }, [onSuspendTerminal, suspendTerminal]);
  const size = fixedSize ?? windowSize;
  const view = usePlay(painter ?? controller, size, keyboard, onSuspend);
  injectFault('render', view.state);
  // After Ink has written (or queued) this frame: the painter draws the fields over it.
  useLayoutEffect(() => {
    painter?.committed(view, size);
  }, [painter, view, size]);
  return <Screen view={view} size={size} display={display} fieldsBlank={painter !== undefined} />;
}
