/** The process's clock and timers, which the command line gives each screen (src/ui reads no global). */
import type { ScreenTime } from '../ui/terminal/run-screen.js';

/** Monotonic milliseconds (`performance.now`) and Node's one-shot timers. */
export function processTime(): ScreenTime {
  return {
    now: () => performance.now(),
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
  };
}
