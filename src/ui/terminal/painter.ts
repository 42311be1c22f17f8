/**
 * Draws the screen's fields (the board rows, the four numbers, the pieces
 * under HOLD and NEXT, see screen-fields.ts) straight to the terminal, so
 * that a piece that moves, falls or locks, or a new second of TIME, costs a
 * few cursor moves and the cells that changed instead of a render of the
 * whole Ink tree.
 *
 * It subscribes to the loop's frames and passes them on to the Ink app.
 * Each new frame either changes only fields, and is drawn here at once
 * without telling React, or changes the frame's structure (a panel, a
 * feedback text, the terminal's size...), and goes to React, which renders the frame
 * with its fields blank. Ink's frames pass through `stream`: each one is held until
 * the end of its synchronized update, the fields are drawn over it (Ink may
 * have rewritten any line they are on), and the whole goes out as one
 * write. Field cells are drawn between a cursor save and restore, so Ink's
 * own cursor bookkeeping never sees them.
 *
 * What the terminal shows is still the frame GameFrame draws whole: the
 * fields overlay a frame whose fields are blank (tests/ui/terminal/screen-fields.test.tsx,
 * tests/ui/terminal/painter.test.tsx).
 */
import { sameStructure, type Frame } from '../frame/frame-model.js';
import type { Display } from '../frame/theme.js';
import { withWrite } from './compact-output.js';
import { BEGIN_FRAME, END_FRAME, LEAVE_ALTERNATE_SCREEN, MODES_ONLY, RESTORE_CURSOR, SAVE_CURSOR } from './ink-protocol.js';
import { drawFields, screenFields, type Fields } from './screen-fields.js';

/** Where frames come from: the loop (`Loop`), or anything of the same shape. */
export interface FrameSource {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getFrame: () => Frame;
}

/** The frames of a source, their field-only changes drawn here; see the module comment. */
export class FieldPainter implements FrameSource {
  /** The stream to give Ink: the terminal's, with Ink's frames held and the fields drawn over them. */
  readonly stream: NodeJS.WriteStream;
  private readonly listeners = new Set<() => void>();
  private unsubscribeSource: (() => void) | null = null;
  /** The frame React last committed: the structure on screen, or about to be. */
  private committedFrame: Frame | null = null;
  /** React was told of a change it has not committed yet. */
  private reactBehind = false;
  /** The fields last drawn here (null: none); `trusted` while the terminal is known to show them as drawn. */
  private shown: Fields | null = null;
  private trusted = false;
  /** Ink's frame being written, from its begin to its end, and the callbacks of its writes. */
  private held: string[] | null = null;
  private heldCallbacks: (() => void)[] = [];
  /** A frame ended (or Ink wrote outside one, or React committed): the fields are drawn at the end of this task. */
  private flushQueued = false;
  private closed = false;
  /** The terminal is the shell's (Ctrl-Z): nothing is drawn until {@link resumed}. */
  private away = false;

  constructor(
    private readonly source: FrameSource,
    private readonly display: Display,
    private readonly out: NodeJS.WriteStream,
  ) {
    this.stream = withWrite(out, (chunk, ...rest) => this.inkWrite(chunk, rest));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.unsubscribeSource ??= this.source.subscribe(this.changed);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribeSource?.();
        this.unsubscribeSource = null;
      }
    };
  };

  readonly getFrame = (): Frame => this.source.getFrame();

  /**
   * The terminal goes back to the shell: a frame still held goes out, then
   * nothing is drawn here (Ink's writes pass through as they come, its frame
   * erased and the alternate screen left) until {@link resumed}.
   */
  suspend(): void {
    this.flush();
    this.away = true;
  }

  /** The terminal is the game's again, its screen new: the fields are drawn whole over Ink's next frame. */
  resumed(): void {
    this.away = false;
    this.trusted = false;
    this.queueFlush();
  }

  /** Write out a frame still held and draw nothing after it. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
  }

  /** React committed `frame` (from a layout effect, after Ink has written or queued it). */
  committed(frame: Frame): void {
    this.committedFrame = frame;
    if (frame === this.source.getFrame()) this.reactBehind = false;
    this.queueFlush();
  }

  /** A new frame from the source: fields drawn here, or a new structure for React. */
  private readonly changed = (): void => {
    const frame = this.source.getFrame();
    const committed = this.committedFrame;
    if (!this.closed && !this.away && !this.reactBehind && committed && sameStructure(frame, committed)) {
      // A frame of Ink's still held ends with the fields of the newest frame anyway.
      if (this.held === null && !this.flushQueued) this.paint();
      return;
    }
    this.reactBehind = true;
    for (const listener of this.listeners) listener();
  };

  /**
   * Draw the fields where they differ from what is shown, as a frame of its
   * own. A field the new view covers (the board under a pause or help panel)
   * has no cells to draw, yet what was drawn of it is still on the screen
   * until Ink's frame of the panel comes: it stays among the fields shown,
   * so that the blanking before that frame erases it (Ink's frame is the
   * difference from its last one, which had the field blank).
   */
  private paint(): void {
    const cells = this.draw(this.fieldsNow(), true);
    if (cells) this.out.write(BEGIN_FRAME + cells + END_FRAME);
  }

  /**
   * Codes that turn the fields shown into `fields` (all of them when the
   * screen is not trusted), cursor saved and restored; '' when nothing
   * changes. With `keepCovered`, a field `fields` leaves out keeps what is
   * shown of it (see `paint`).
   */
  private draw(fields: Fields | null, keepCovered = false): string {
    if (!fields) return '';
    const before = this.trusted ? this.shown : null;
    const cells = drawFields(before, fields);
    this.shown = keepCovered && before ? fields.map((field, i) => field ?? before[i] ?? null) : fields;
    this.trusted = true;
    return cells ? SAVE_CURSOR + cells + RESTORE_CURSOR : '';
  }

  /** The fields to show over the committed frame: the newest frame's, or the committed one's while React catches up on a new structure. */
  private fieldsNow(): Fields | null {
    const committed = this.committedFrame;
    if (!committed) return null;
    const frame = this.source.getFrame();
    return screenFields(sameStructure(frame, committed) ? frame : committed, this.display);
  }

  private inkWrite(written: unknown, rest: unknown[]): boolean {
    const write = this.out.write.bind(this.out) as (...args: unknown[]) => boolean;
    if (this.closed || this.away || typeof written !== 'string') return write(written, ...rest);
    if (written.includes(LEAVE_ALTERNATE_SCREEN)) {
      // Ink is leaving the game's screen (an exit, or a hand-over): nothing of the fields may follow onto the
      // shell's screen, not even a flush queued by the erase just before this. `resumed` draws again after `fg`.
      this.flush();
      this.away = true;
      return write(written, ...rest);
    }
    let chunk = written;
    if (this.held === null && chunk.startsWith(BEGIN_FRAME)) {
      // A frame ended but not yet flushed goes out first, in order.
      if (this.flushQueued) this.flush();
      // Ink's frame is the difference from its last one, in which the fields were blank: blank them first.
      this.held = [BEGIN_FRAME + this.blankShown()];
      chunk = chunk.slice(BEGIN_FRAME.length);
    }
    if (this.held !== null) {
      this.held.push(chunk);
      if (chunk.endsWith(END_FRAME)) this.queueFlush();
      // Callbacks of held writes are called when the frame goes out.
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (callback) this.heldCallbacks.push(callback);
      return true;
    }
    if (this.flushQueued) this.flush();
    // Anything else Ink writes that is more than modes (the keyboard protocol, the cursor shown or hidden), such as a clear, may cover fields: draw them all again after it.
    if (!MODES_ONLY.test(chunk)) {
      this.trusted = false;
      this.queueFlush();
    }
    return write(chunk, ...rest);
  }

  /** Codes that blank every field drawn here, as Ink last drew those cells; then nothing of the fields is shown. */
  private blankShown(): string {
    return this.draw(
      this.shown?.map((field) => field && { ...field, text: ' '.repeat(field.text.length), styles: field.styles.map(() => '') }) ?? null,
    );
  }

  private queueFlush(): void {
    if (this.flushQueued || this.closed || this.away) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  /** Write out Ink's held frame with the fields drawn before its end; or, without one, the fields that changed. */
  private flush(): void {
    if (!this.flushQueued && this.held === null) return;
    this.flushQueued = false;
    if (this.closed || this.away) return;
    const held = this.held;
    const callbacks = this.heldCallbacks;
    this.held = null;
    this.heldCallbacks = [];
    if (held === null) {
      this.paint();
      return;
    }
    const frame = held.join('');
    const cells = this.draw(this.fieldsNow());
    const text = frame.endsWith(END_FRAME) ? frame.slice(0, -END_FRAME.length) + cells + END_FRAME : frame + cells;
    if (callbacks.length === 0) this.out.write(text);
    else
      this.out.write(text, () => {
        for (const callback of callbacks) callback();
      });
  }
}
