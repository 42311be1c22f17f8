/**
 * The interactive game: the screen for the controller's view, at the size of
 * the terminal.
 */
import { useWindowSize } from 'ink';
import { injectFault } from './fault-injection.js';
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
}

/** The game in the terminal; exits the Ink app when the player quits. */
export function App({ controller, display, size: fixedSize }: AppProps) {
  const windowSize = useWindowSize();
  const size = fixedSize ?? windowSize;
  const view = usePlay(controller, size);
  injectFault('render', view.state);
  return <Screen view={view} size={size} display={display} />;
}
