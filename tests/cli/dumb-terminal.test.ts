/**
 * TERM=dumb (Emacs' M-x shell, IDE consoles, `TERM=dumb ssh host`): a
 * terminal, but one that moves no cursor, so the full-screen commands refuse
 * with one line and exit 2 while the headless ones work as anywhere.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { serializeReplay } from '../../src/core/index.js';
import { playBot } from '../../src/bot/index.js';
import { memoryDeps } from './memory-deps.js';

const bot = playBot({ seed: 6, pieces: 15, pace: 20 });
const GAME = serializeReplay({ seed: 6, settings: {}, inputs: bot.inputs, endTick: bot.inputs.at(-1)![0] + 10 });
const DUMB = { TERM: 'dumb', XDG_CONFIG_HOME: '/nonexistent-inktris-test', XDG_DATA_HOME: '/nonexistent-inktris-test' };

async function run(argv: string[]) {
  const deps = { ...memoryDeps({ 'game.json': GAME }), env: DUMB, isTTY: true };
  const code = await runCli(argv, deps);
  return { code, out: deps.out.join(''), err: deps.err.join('') };
}

describe('on a terminal with TERM=dumb', () => {
  it.each([
    [
      ['play'],
      'play: needs a terminal that can move the cursor, and this one is TERM=dumb; for a headless game see `inktris bot` or `inktris replay FILE --json`',
    ],
    [
      [],
      'play: needs a terminal that can move the cursor, and this one is TERM=dumb; for a headless game see `inktris bot` or `inktris replay FILE --json`',
    ],
    [
      ['play', '--seed', '5', '--ascii', '--no-color'],
      'play: needs a terminal that can move the cursor, and this one is TERM=dumb; for a headless game see `inktris bot` or `inktris replay FILE --json`',
    ],
    [['demo'], 'demo: needs a terminal that can move the cursor, and this one is TERM=dumb; for a headless game see `inktris bot`'],
    [
      ['replay', 'game.json'],
      'replay: watching a replay needs a terminal that can move the cursor, and this one is TERM=dumb; pass --json for the summary or --frame N for one frame',
    ],
  ])('refuses the full-screen %j with one line and exit 2', async (argv, line) => {
    expect(await run(argv)).toEqual({ code: 2, out: '', err: `inktris: ${line}\n` });
  });

  it.each([
    [['replay', 'game.json', '--json'], /^\{\s+"score": 744,/],
    [['replay', 'game.json', '--frame', '30'], /NEXT/],
    [['export', 'game.json', '--text'], /NEXT/],
    [['bot', '--pieces', '5'], /^seed \d+: 5 pieces/],
  ])('still runs the headless %j', async (argv, shown) => {
    const { code, out, err } = await run(argv);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(shown);
  });
});
