/**
 * The look of the screen commands: `--big` on play, replay and demo, and
 * config.json's `"big"` when the option is not given.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { lookFor, type LookOptions } from '../../src/cli/terminal-session.js';
import { resolveDisplay } from '../../src/ui/frame/theme.js';
import { memoryDeps } from './memory-deps.js';

/** Deps whose config folder holds `config` as config.json (none for undefined), with a terminal of no colour. */
async function depsWith(config?: string) {
  const home = await mkdtemp(join(tmpdir(), 'inktris-look-'));
  if (config !== undefined) {
    await mkdir(join(home, 'inktris'), { recursive: true });
    await writeFile(join(home, 'inktris', 'config.json'), config);
  }
  const deps = memoryDeps();
  return { ...deps, env: { HOME: home, XDG_CONFIG_HOME: home, NO_COLOR: '1' }, terminal: () => ({ stdout: { isTTY: true } }) as never };
}

/** The look `argv` asks for: the command parsed as the program parses it, its action not run. */
async function lookOf(argv: readonly string[], config?: string) {
  const deps = await depsWith(config);
  const program = createProgram(deps).exitOverride();
  let seen: { options: LookOptions; command: Command } | null = null;
  const name = argv[0]!;
  const command = program.commands.find((c) => c.name() === name)!;
  // The options and the command come last, after any arguments (replay's FILE).
  command.action((...args: unknown[]) => {
    seen = { options: args.at(-2) as LookOptions, command: args.at(-1) as Command };
  });
  await program.parseAsync(argv, { from: 'user' });
  if (!seen) throw new Error(`${argv.join(' ')}: the action did not run`);
  const { options, command: parsed } = seen as { options: LookOptions; command: Command };
  return resolveDisplay((await lookFor(options, parsed, deps)).display);
}

describe('--big', () => {
  it.each([[['play', '--big', '--seed', '3']], [['replay', 'game.json', '--big']], [['demo', '--big']]])(
    'asks for big cells: %j',
    async (argv) => {
      expect((await lookOf(argv)).big).toBe(true);
    },
  );

  it.each([[['play']], [['replay', 'game.json']], [['demo']]])('is off without it or a config: %j', async (argv) => {
    expect((await lookOf(argv)).big).toBe(false);
  });

  it('comes from config.json\'s "big" when the option is not given', async () => {
    expect((await lookOf(['play'], '{"big": true}')).big).toBe(true);
    expect((await lookOf(['demo'], '{"big": false}')).big).toBe(false);
    expect((await lookOf(['play', '--big'], '{"big": false}')).big).toBe(true);
  });

  it('is in the help of play, replay and demo', () => {
    const program = createProgram(memoryDeps());
    for (const name of ['play', 'replay', 'demo']) {
      const help = program.commands.find((c) => c.name() === name)!.helpInformation();
      expect(help).toContain('--big');
      expect(help).toContain('120 x 48');
    }
  });
});
