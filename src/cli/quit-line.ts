/**
 * The one line `inktris play` prints once the player has left and the
 * terminal is the shell's again: how the last game ended, whether it counts
 * for the high-score table (the core's `standing`), and how to watch it.
 * The result of the command, so it goes on stdout (as git prints what a
 * commit did); what could not be saved goes on stderr before it.
 */
import { rankedByTime, SPRINT_LINES, standing, type Exclusion, type Mode } from '../core/index.js';
import { formatTime } from '../ui/frame/layout.js';
import type { EndedGame } from './play-recording.js';

/** Why the game is not in the table, in the line's words. */
const NOT_COUNTED: Readonly<Record<Exclusion, string>> = {
  practice: 'practice game (--queue): not in the high-score table',
  unfinished: 'not in the high-score table',
  toppedOut: 'topped out before its goal: not in the high-score table',
  noPoints: 'no points: not in the high-score table',
};

/** The goal a game of `mode` topped out before, in the line's words. */
const GOALS: Readonly<Record<Mode, string>> = {
  marathon: 'its end',
  sprint: `${SPRINT_LINES} lines`,
  ultra: 'the two minutes were up',
  dig: 'the garbage was cleared',
};

/** A count of `noun`s with thousands separated by commas, whatever the locale: `2,448 points`, `1 line`. */
function count(n: number, noun: string): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${noun}${n === 1 ? '' : 's'}`;
}

/** A path as the shell takes it back: as it is when it holds nothing the shell reads, else in single quotes. */
export function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * The line for `game`, the last game of the session; `recorded` lists every
 * `--record` file of the session, so the earlier games' files are named too.
 * Null when the game was kept nowhere because nothing happened in it (no
 * piece locked, no `--record`): there is nothing to report or to watch.
 */
export function quitLine(game: EndedGame, recorded: readonly string[] = []): string | null {
  const { state } = game;
  if (state.pieces === 0 && !game.recordedIn && !game.archived) return null;
  const mode = state.settings.mode;
  const ending = state.status !== 'over' ? 'not finished' : state.topOut === null ? 'finished' : 'game over';
  const numbers = rankedByTime(mode)
    ? [formatTime(state.time, true), count(state.lines, 'line'), count(state.pieces, 'piece')]
    : [count(state.score, 'point'), count(state.lines, 'line'), `level ${state.level}`, formatTime(state.time)];
  const name = state.settings.rules === 'guideline' ? `guideline ${mode}` : mode;
  const parts = [`inktris: ${name} ${ending}: ${numbers.join(', ')}`];

  const counts = standing(state);
  if (counts.kind === 'excluded')
    parts.push(counts.why === 'toppedOut' ? `topped out before ${GOALS[mode]}: not in the high-score table` : NOT_COUNTED[counts.why]);
  // A score the table could not take has its own line on stderr.
  else if (game.tabled) parts.push(game.rank === null ? 'not in the top 10' : `#${game.rank} in the high-score table`);

  const earlier = recorded.filter((path) => path !== game.recordedIn);
  const alsoEarlier = earlier.length > 0 ? `, the earlier games in ${earlier.join(', ')}` : '';
  if (game.archived) {
    parts.push('watch it: inktris replay --last');
    if (game.recordedIn) parts.push(`recorded in ${game.recordedIn}${alsoEarlier}`);
  } else if (game.recordedIn) {
    parts.push(`watch it: inktris replay ${shellWord(game.recordedIn)}${alsoEarlier}`);
  }
  if (!game.recordedIn && earlier.length > 0) parts.push(`the earlier games are in ${earlier.join(', ')}`);
  return parts.join(' · ');
}
