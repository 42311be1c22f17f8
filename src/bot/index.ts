/**
 * The autoplayer: reads core state, answers with core inputs (STYLE.md).
 * Pure like the core: no clock, no randomness, no I/O.
 */
export * from './decide.js';
export * from './features.js';
export * from './keys.js';
export * from './opponent.js';
export * from './pilot.js';
export * from './placements.js';
export * from './play.js';
export * from './record.js';
