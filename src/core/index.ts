/** The inktris rules core: pure, deterministic, no clock, no I/O. */
export * from './actions.js';
export * from './board.js';
export * from './game.js';
export * from './pieces.js';
export * from './randomizer.js';
export * from './rotation.js';
export * from './rules.js';
export * from './schedule.js';
export * from './time.js';
export * from './views.js';
export * from './replay.js';
export * from './replay-cursor.js';
export * from './limits.js';
export * from './replay-reader.js';
export * from './replay-scan.js';
export * from './results.js';
