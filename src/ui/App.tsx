/**
 * The interactive game: the screen for the controller's view, at the size of
 * the terminal.
 */
import { useApp, useWindowSize, type SuspendTerminal } from 'ink';
import { useLayoutEffect } from 'react';
import type { FieldPainter } from './field-painter.js';
import { type Fault, injectFault } from './fault-injection.js';
import type { KeyboardProtocol } from './keyboard-protocol.js';
import type { TerminalSize } from './layout.js';
import type { ScreenController } from './screen-controller.js';
import { Screen } from './Screen.js';
import type { Display } from './theme.js';
import { usePlay } from './use-play.js';

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
  /** The hardening tests' fault (fault-injection.ts): `render` throws while drawing. @default none */
  readonly fault?: Fault | null;
}

/** The game in the terminal; exits the Ink app when the player quits. */
export function App({ controller, display, size: fixedSize, painter, keyboard, onSuspend, onSuspendTerminal, fault }: AppProps) {
  const windowSize = useWindowSize();
  const { suspendTerminal } = useApp();
  useLayoutEffect(() => {
    onSuspendTerminal?.(suspendTerminal);
  }, [onSuspendTerminal, suspendTerminal]);
  const size = fixedSize ?? windowSize;
  const view = usePlay(painter ?? controller, size, keyboard, onSuspend);
  injectFault(fault, 'render', view.state);
  // After Ink has written (or queued) this frame: the painter draws the fields over it.
  useLayoutEffect(() => {
    painter?.committed(view, size);
  }, [painter, view, size]);
  return <Screen view={view} size={size} display={display} fieldsBlank={painter !== undefined} />;
}
