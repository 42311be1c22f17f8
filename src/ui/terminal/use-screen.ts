/**
 * The hook between Ink and the play controller: the controller's view as
 * React state, the window size to its too-small pause, its clock started on
 * mount and stopped on unmount, and keys from `useInput` to its commands,
 * their frames flushed at once.
 */
import { useApp, useInput, useStdin } from 'ink';
import { useEffect, useSyncExternalStore } from 'react';
import { isSuspendKey, keyEventsFromInk } from '../input/key-events.js';
import type { KeyboardProtocol } from './keyboard-protocol.js';
import type { TerminalSize } from '../frame/layout.js';
import type { ScreenController, ScreenView } from '../drivers/screen.js';

/**
 * Run `controller` in this Ink app at the terminal `size`; returns what to
 * draw. Exits the app when the player quits; Ctrl-Z calls `onSuspend`.
 * `keyboard` says whether the terminal reports key press and release; without it every key is a tap.
 */
export function usePlay(controller: ScreenController, size: TerminalSize, keyboard?: KeyboardProtocol, onSuspend?: () => void): ScreenView {
  const { exit, waitUntilRenderFlush } = useApp();
  const { isRawModeSupported } = useStdin();
  const view = useSyncExternalStore(controller.subscribe, controller.getView);
  const { columns, rows } = size;

  useEffect(() => {
    controller.resize({ columns, rows });
  }, [controller, columns, rows]);

  // Declared after the resize effect, so a terminal too small from the start pauses the first game at once.
  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);

  useInput(
    (input, key) => {
      const before = controller.getView();
      for (const event of keyEventsFromInk(input, key, keyboard?.reportsEvents)) {
        if (onSuspend && isSuspendKey(event)) {
          onSuspend();
          return;
        }
        if (controller.key(event) === 'quit') {
          exit();
          return;
        }
      }
      // A frame a key caused is written at once instead of waiting out the
      // 60 fps throttle behind a frame the clock drew a moment ago: key to
      // screen stays within a frame.
      if (controller.getView() !== before) void waitUntilRenderFlush();
    },
    // Without raw mode there are no keys to read (and useInput would throw).
    { isActive: isRawModeSupported },
  );

  return view;
}
