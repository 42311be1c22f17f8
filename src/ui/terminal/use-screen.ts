/**
 * The hook between Ink and a loop: the frames as React state, the window
 * size to the loop, its clock started on mount and stopped on unmount, and
 * keys from `useInput` to the loop, their frames flushed at once.
 */
import { useApp, useInput, useStdin } from 'ink';
import { useEffect, useSyncExternalStore } from 'react';
import type { ScreenLoop } from '../drivers/loop.js';
import type { Frame } from '../frame/frame-model.js';
import type { TerminalSize } from '../frame/layout.js';
import { isSuspendKey, keyEventsFromInk } from '../input/key-events.js';
import type { KeyboardProtocol } from './keyboard-protocol.js';
import type { FrameSource } from './painter.js';

/**
 * Run `loop` in this Ink app at the terminal `size`; returns the frame to
 * draw, from `frames` (the loop, or the painter passing its frames on).
 * Exits the app when the viewer quits; Ctrl-Z calls `onSuspend`.
 * `keyboard` says whether the terminal reports key press and release; without it every key is a tap.
 */
export function useScreen(
  loop: ScreenLoop,
  frames: FrameSource,
  size: TerminalSize,
  keyboard?: KeyboardProtocol,
  onSuspend?: () => void,
): Frame {
  const { exit, waitUntilRenderFlush } = useApp();
  const { isRawModeSupported } = useStdin();
  const frame = useSyncExternalStore(frames.subscribe, frames.getFrame);
  const { columns, rows } = size;

  useEffect(() => {
    loop.resize({ columns, rows });
  }, [loop, columns, rows]);

  // Declared after the resize effect, so a terminal too small from the start pauses the first game at once.
  useEffect(() => {
    loop.start();
    return () => loop.stop();
  }, [loop]);

  useInput(
    (input, key) => {
      const before = loop.getFrame();
      for (const event of keyEventsFromInk(input, key, keyboard?.reportsEvents)) {
        if (onSuspend && isSuspendKey(event)) {
          onSuspend();
          return;
        }
        if (loop.key(event) === 'quit') {
          exit();
          return;
        }
      }
      // A frame a key caused is written at once instead of waiting out the
      // 60 fps throttle behind a frame the clock drew a moment ago: key to
      // screen stays within a frame.
      if (loop.getFrame() !== before) void waitUntilRenderFlush();
    },
    // Without raw mode there are no keys to read (and useInput would throw).
    { isActive: isRawModeSupported },
  );

  return frame;
}
