/**
 * The help of every command reads alike (issue 14): examples at the end that
 * really parse, `-V, --version` the root's option accepted and listed after
 * every command, and every default shown one way, `(default: X)`.
 */
import { CommanderError, type Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createProgram } from '../../src/cli/program.js';
import { memoryDeps } from './memory-deps.js';

const COMMANDS = createProgram(memoryDeps()).commands.map((command) => command.name());

async function run(argv: string[]) {
  const deps = memoryDeps();
  const code = await runCli(argv, deps);
  return { code, out: deps.out.join(''), err: deps.err.join('') };
}

/** The help of `command` (the root for ''). */
async function helpOf(command: string): Promise<string> {
  const { code, out, err } = await run(command ? [command, '--help'] : ['--help']);
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return out;
}

/** The example command lines in a help text, as argv. */
function examplesIn(help: string): string[][] {
  const [, section = ''] = help.split('\nExamples:\n');
  return [...section.matchAll(/^ {2}\$ inktris(.*)$/gm)].map((match) => match[1]!.split(' ').filter(Boolean));
}

/**
 * Parse `argv` with every action replaced by one that notes its command: the
 * command that would have run, or 'help' when the line prints a help.
 */
async function dryRun(argv: string[]): Promise<{ ran: string[]; out: string; err: string }> {
  const deps = memoryDeps();
  const program = createProgram(deps);
  const ran: string[] = [];
  for (const command of program.commands) command.action(() => void ran.push(command.name()));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError && error.code === 'commander.help' && error.exitCode === 0)) throw error;
    ran.push('help');
  }
  return { ran, out: deps.out.join(''), err: deps.err.join('') };
}

describe('examples in the help', () => {
  it.each(['', ...COMMANDS.filter((name) => name !== 'help')])('the help of %j ends with examples', async (command) => {
    const help = await helpOf(command);
    expect(help).toMatch(/\nExamples:\n( {2}# .+\n {2}\$ inktris.*\n)+$/);
    const examples = examplesIn(help);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    // A command's examples are of that command.
    if (command) for (const argv of examples) expect(argv[0]).toBe(command);
  });

  it('fits every example and its line in 80 columns', async () => {
    for (const command of ['', ...COMMANDS]) {
      const [, section = ''] = (await helpOf(command)).split('\nExamples:\n');
      for (const line of section.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it('parses every example shown to the command it names (play when it names none)', async () => {
    const shown = new Set<string>();
    for (const command of ['', ...COMMANDS]) for (const argv of examplesIn(await helpOf(command))) shown.add(argv.join(' '));
    expect(shown.size).toBeGreaterThan(15);
    for (const line of shown) {
      const argv = line ? line.split(' ') : [];
      const named = argv[0] === 'help' || COMMANDS.includes(argv[0]!) ? argv[0]! : 'play';
      const { ran, err } = await dryRun(argv);
      expect({ line, ran, err }).toEqual({ line, ran: [named], err: '' });
    }
  });

  it('shows the help of the command `inktris help replay` names, and the root help for `inktris help`', async () => {
    expect(await run(['help', 'replay'])).toEqual({ code: 0, out: await helpOf('replay'), err: '' });
    expect(await run(['help'])).toEqual({ code: 0, out: await helpOf(''), err: '' });
  });
});

describe('--version', () => {
  it.each(
    ['', ...COMMANDS.filter((name) => name !== 'help')].flatMap((command) => [
      [command, '--version'],
      [command, '-V'],
    ]),
  )('prints the version after %j %s and exits 0', async (command, flag) => {
    expect(await run(command ? [command, flag] : [flag])).toEqual({ code: 0, out: '0.1.0\n', err: '' });
  });

  it.each(['', ...COMMANDS.filter((name) => name !== 'help')])(
    'is listed once in the help of %j, as the root option it is',
    async (command) => {
      const help = await helpOf(command);
      expect(help.match(/^ {2}-V, --version +print the version$/gm)).toHaveLength(1);
      expect(help).toMatch(command ? /\nGlobal Options:\n {2}-V, --version/ : /\nOptions:\n {2}-V, --version/);
    },
  );
});

describe('defaults in the help', () => {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** Each option's line in the help, wrapped lines joined: flags and description. */
  function optionLines(help: string): Map<string, string> {
    const lines = new Map<string, string>();
    const [, options = ''] = help.split(/\n(?:Global )?Options:\n/);
    let flags = '';
    for (const line of options.split('\n\n')[0]!.split('\n')) {
      const start = /^ {2}(\S.*?) {2,}(.*)$/.exec(line);
      if (start) {
        flags = start[1]!;
        lines.set(flags, start[2]!);
      } else if (flags) lines.set(flags, `${lines.get(flags)} ${line.trim()}`);
    }
    return lines;
  }

  it.each([
    ['play', '--seed <n>', 'random'],
    ['play', '--level <n>', '0'],
    ['play', '--mode <mode>', 'marathon'],
    ['play', '--preview <n>', "config.json's preview, else 5"],
    ['demo', '--seed <n>', 'random, a new one for each game'],
    ['demo', '--level <n>', '0'],
    ['demo', '--preview <n>', "config.json's preview, else 5"],
    ['bot', '--seed <n>', 'random'],
    ['bot', '--pieces <n>', '1000'],
    ['bot', '--pace <ticks>', '0'],
    ['bot', '--level <n>', '0'],
    ['bot', '--mode <mode>', 'marathon'],
    ['replay', '--mode <mode>', 'marathon'],
    ['replay', '--preview <n>', '5'],
    ['export', '--preview <n>', '5'],
  ])('%s %s shows its default, %s, as (default: X)', async (command, flags, shown) => {
    expect(optionLines(await helpOf(command)).get(flags)).toMatch(new RegExp(`\\(default: ${escapeRegExp(shown)}\\)$`));
  });

  it('shows the default of every option that has one, and says "default" no other way', async () => {
    const program = createProgram(memoryDeps());
    for (const command of program.commands as Command[]) {
      const lines = optionLines(await helpOf(command.name()));
      for (const option of command.options) {
        const line = lines.get(option.flags)!;
        const shown =
          option.defaultValueDescription ?? (option.defaultValue === undefined ? undefined : JSON.stringify(option.defaultValue));
        // "defaults, then config.json" (config --print) names the defaults, it shows none.
        if (shown === undefined) expect(line, `${command.name()} ${option.flags}`).not.toMatch(/\bdefault\b/);
        else expect(line, `${command.name()} ${option.flags}`).toMatch(new RegExp(` \\(default: ${escapeRegExp(shown)}\\)$`));
        expect(line.match(/\bdefault\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
      }
    }
  });

  it('describes the options play, demo and bot share in the same words', async () => {
    const [play, demo, bot] = await Promise.all(['play', 'demo', 'bot'].map(async (command) => optionLines(await helpOf(command))));
    for (const flags of ['--level <n>', '--mode <mode>']) {
      expect(demo!.get(flags)).toBe(play!.get(flags));
      expect(bot!.get(flags)).toBe(play!.get(flags));
    }
    expect(bot!.get('--seed <n>')).toBe(play!.get('--seed <n>'));
    expect(demo!.get('--preview <n>')).toBe(play!.get('--preview <n>'));
  });
});
