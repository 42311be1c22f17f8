/**
 * What can happen to a game: the player's inputs (RULES.md "Time") and the
 * passing of one tick.
 */

/** The player's inputs, by the names the replay file uses. */
export const INPUT_NAMES = ['left', 'right', 'softDrop', 'hardDrop', 'cw', 'ccw', 'hold', 'pause'] as const;

/** One of the player's inputs. */
export type InputName = (typeof INPUT_NAMES)[number];

/**
 * An action for `step`. Inputs apply at once; `tick` ends the current tick
 * (gravity or lock, RULES.md step 2) and starts the next one.
 */
export type Action = { readonly [K in InputName | 'tick']: { readonly type: K } }[InputName | 'tick'];

/** True for the name of a player input. */
export function isInputName(value: unknown): value is InputName {
  return typeof value === 'string' && (INPUT_NAMES as readonly string[]).includes(value);
}

/** The `tick` action; one shared object, since actions are never mutated. */
export const TICK: Action = Object.freeze({ type: 'tick' });

const INPUT_ACTIONS = Object.fromEntries(INPUT_NAMES.map((name) => [name, Object.freeze({ type: name })])) as Record<InputName, Action>;

/** The action for an input name (shared frozen objects: no allocation per input). */
export function inputAction(name: InputName): Action {
  return INPUT_ACTIONS[name];
}
