/**
 * One game being played: the state, the input layer, and the hooks that
 * record it. Time enters as "run to tick n"; inputs apply to the tick in
 * progress, before its gravity (RULES.md "Time"), so a recording of
 * `[tick, input]` pairs replays to the same game.
 */
import { advance, inputAction, step, TICK, type GameSettings, type GameState, type InputName } from '../../core/index.js';
import { InputHandler } from '../input/held-keys.js';
import type { KeyEventType } from '../input/key-events.js';
import type { Handling } from '../input/handling.js';

/** What a session reports, for recording. */
export interface SessionHooks {
  /** An input changed the game at `tick` (inputs the game ignored are not reported). */
  readonly onInput?: (tick: number, input: InputName) => void;
  /** The game ended (top out or sprint finished). Called once. */
  readonly onOver?: (state: GameState) => void;
}

/** A game in play. */
export class GameSession {
  private current: GameState;
  private readonly input: InputHandler;
  private reportedOver = false;

  constructor(
    initial: GameState,
    private readonly hooks: SessionHooks = {},
    handling?: Handling,
  ) {
    this.current = initial;
    this.input = new InputHandler(handling);
  }

  /** The game now. */
  get state(): GameState {
    return this.current;
  }

  /** Whether a held key acts on coming ticks, so every tick must be run. */
  get holding(): boolean {
    return this.input.holding;
  }

  /** The settings the game started with. */
  get settings(): Required<GameSettings> {
    return this.current.settings;
  }

  /**
   * Play every tick before `target`, so that `target` is the tick in
   * progress (or the game ends first). Held keys act at the start of each
   * tick; with none held, quiet ticks are skipped in one `advance`.
   */
  runTo(target: number): void {
    while (this.current.tick < target && this.current.status !== 'over') {
      if (this.current.status === 'paused' || !this.input.holding) {
        this.current = advance(this.current, target - this.current.tick);
        break;
      }
      this.current = step(this.current, TICK);
      if (this.current.status === 'over') break;
      for (const input of this.input.tick(this.current.tick)) this.apply(input);
    }
    this.checkOver();
  }

  /** A key event for a game input, at the tick in progress. */
  key(input: InputName, type: KeyEventType): void {
    for (const action of this.input.key(input, type, this.current.tick)) this.apply(action);
  }

  /** Apply one input now, whatever the keys (auto-pause when the terminal is too small, help). */
  apply(input: InputName): void {
    const before = this.current;
    const after = step(before, inputAction(input));
    if (after === before) return;
    this.hooks.onInput?.(before.tick, input);
    this.current = after;
    // Keys held across a pause are forgotten: their releases may come while paused.
    if (input === 'pause') this.input.reset();
    this.checkOver();
  }

  private checkOver(): void {
    if (this.current.status === 'over' && !this.reportedOver) {
      this.reportedOver = true;
      this.hooks.onOver?.(this.current);
    }
  }
}
