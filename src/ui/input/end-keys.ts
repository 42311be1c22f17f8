/**
 * The end panel's keys that are not the keymap's: to the menu and to watch
 * the game just played. Fixed, like the watcher's keys: at the end of a
 * game no game key is in use, so these cannot clash with a binding.
 */
export const END_KEYS = Object.freeze({ menu: 'm', watchLast: 'w' });
