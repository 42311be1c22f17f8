/**
 * Writing a versus match file (CLI.md "Replay file, version 2": `players`
 * instead of `inputs`): always version 2, the rule set and start level
 * written out, each player's name and inputs one per line, as a game's file
 * is. `parseMatchReplay` reads it back unchanged.
 */
import type { GameSettings } from './game.js';
import { REPLAY_FORMAT, REPLAY_VERSION_2, replayEntry, type ReplayExtras, type ReplayInput } from './replay.js';
import type { MatchReplay } from './replay-reader.js';

const KNOWN_FIELDS = new Set(['format', 'version', 'seed', 'settings', 'inputs', 'endTick', 'players']);

/** The settings a match file keeps: rules, start level, mode marathon, and the fixed queue when there is one. */
export function matchFileSettings(settings: Omit<GameSettings, 'seed'>): MatchReplay['settings'] {
  const rules = settings.rules ?? 'nes';
  const startLevel = settings.startLevel ?? (rules === 'guideline' ? 1 : 0);
  return settings.queue ? { rules, startLevel, mode: 'marathon', queue: settings.queue } : { rules, startLevel, mode: 'marathon' };
}

function playerText(name: string | undefined, inputs: readonly ReplayInput[]): string {
  let text = `    {${name === undefined ? '' : ` "name": ${JSON.stringify(name)},`} "inputs": [`;
  // The game file's entries, one level deeper.
  inputs.forEach((input, i) => {
    text += replayEntry(input, i === 0).replace('\n    [', '\n      [');
  });
  return `${text}${inputs.length > 0 ? '\n    ' : ''}] }`;
}

/** A match as the text of its file (two-space JSON, one input a line). */
export function serializeMatchReplay(replay: MatchReplay, extras: ReplayExtras = {}): string {
  const lines = [`  "format": "${REPLAY_FORMAT}"`, `  "version": ${REPLAY_VERSION_2}`];
  for (const [key, value] of Object.entries(extras)) {
    if (!KNOWN_FIELDS.has(key)) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  const settings = Object.entries(replay.settings).map(([key, value]) => `"${key}": ${JSON.stringify(value)}`);
  lines.push(`  "seed": ${replay.seed}`, `  "settings": { ${settings.join(', ')} }`);
  const [a, b] = replay.players;
  lines.push(`  "players": [\n${playerText(a.name, a.inputs)},\n${playerText(b.name, b.inputs)}\n  ]`);
  if (replay.endTick !== undefined) lines.push(`  "endTick": ${replay.endTick}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
