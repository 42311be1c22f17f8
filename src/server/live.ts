/**
 * A session's game as others watch it live: the session says when its
 * screen changed (`changed`, with a way to make the view, so a session
 * nobody watches pays nothing more), and every watcher is sent the view
 * once per change, at the end of the task that changed it (a burst of
 * ticks and keys is one view). A watcher who joins late is sent the view
 * of now at once; when the session ends, every watcher is told so.
 */
import type { LiveView } from '../ui/drivers/app-io.js';

/** What a watcher is sent. */
export interface LiveWatcher {
  /** The player's game or match now, or null while they are in neither. */
  readonly view: (view: LiveView | null) => void;
  /** The watched session ended: the watch is over. */
  readonly ended: (message: string) => void;
}

/** One session's live game and its watchers. */
export class LiveFeed {
  private viewOf: () => LiveView | null = () => null;
  private readonly watchers = new Set<LiveWatcher>();
  private sendQueued = false;
  private over: string | null = null;

  constructor(
    /** Runs `send` after the task in progress (queueMicrotask; a test's own queue). */
    private readonly later: (send: () => void) => void = queueMicrotask,
  ) {}

  /** The session's screen changed; `viewOf` makes its game's or match's view, or null when it shows neither. */
  changed(viewOf: () => LiveView | null): void {
    this.viewOf = viewOf;
    if (this.watchers.size > 0) this.queueSend();
  }

  /** The game or match being played now, or null. */
  current(): LiveView | null {
    return this.over === null ? this.viewOf() : null;
  }

  /** Watch: `watcher` is sent the view of now, then every change, until the returned function is called or the session ends. */
  watch(watcher: LiveWatcher): () => void {
    if (this.over !== null) {
      const message = this.over;
      this.later(() => watcher.ended(message));
      return () => {};
    }
    this.watchers.add(watcher);
    // Sent on its own, now: the others have this view already.
    const view = this.viewOf;
    this.later(() => {
      if (this.watchers.has(watcher)) watcher.view(view());
    });
    return () => {
      this.watchers.delete(watcher);
    };
  }

  /** How many watch. */
  get watching(): number {
    return this.watchers.size;
  }

  /** The session ended: every watcher is told `message`, and nobody can watch it any more. */
  end(message: string): void {
    if (this.over !== null) return;
    this.over = message;
    const watchers = [...this.watchers];
    this.watchers.clear();
    this.later(() => {
      for (const watcher of watchers) watcher.ended(message);
    });
  }

  private queueSend(): void {
    if (this.sendQueued) return;
    this.sendQueued = true;
    this.later(() => {
      this.sendQueued = false;
      if (this.over !== null || this.watchers.size === 0) return;
      const view = this.viewOf();
      for (const watcher of this.watchers) watcher.view(view);
    });
  }
}
