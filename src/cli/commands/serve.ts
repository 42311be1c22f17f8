/**
 * `inktris serve`: the SSH server (CLI.md "Server"). What it does is in
 * actions/serve.ts and src/server/, loaded when it runs.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';
import { seedOption } from '../options.js';

/** The options `serve` parses. */
export interface ServeOptions {
  readonly port: number;
  readonly listen: string;
  readonly data?: string;
  readonly maxSessions: number;
  readonly maxPerAddress: number;
  readonly idleMinutes: number;
  readonly authorizedKeys?: string;
  /** Every game of every session takes this seed, as `play --seed` does (a race: everyone gets the same pieces). */
  readonly seed?: number;
}

function whole(what: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`${what} must be from ${min} to ${max}, not ${value}.`);
    return n;
  };
}

/** `--idle-minutes N`: minutes, a fraction allowed (0.5 is thirty seconds), more than 0 and at most a day. */
function parseMinutes(value: string): number {
  const n = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(n > 0 && n <= 1440)) throw new InvalidArgumentError(`idle minutes must be a number greater than 0 and at most 1440, not ${value}.`);
  return n;
}

function nonEmpty(what: string) {
  return (value: string): string => {
    if (value === '') throw new InvalidArgumentError(`${what} must not be empty.`);
    return value;
  };
}

/**
 * Adds `serve [--port N] [--listen ADDR] [--data DIR] [--max-sessions N] [--max-per-address N] [--idle-minutes N]
 * [--authorized-keys FILE] [--seed N]`.
 */
export function registerServe(program: Command, deps: CliDeps): void {
  const serve = program
    .command('serve')
    .description('serve the game over SSH: each client gets the menu in its own terminal; the server keeps the scores')
    .addOption(new Option('--port <n>', 'the TCP port to listen on').argParser(whole('port', 0, 65535)).default(2222))
    .addOption(
      new Option('--listen <address>', 'the address to listen on (0.0.0.0 for every interface)')
        .argParser(nonEmpty('listen address'))
        .default('127.0.0.1'),
    )
    .addOption(
      new Option('--data <dir>', "the server's folder: host key, replays, scores")
        .argParser(nonEmpty('data folder'))
        .default(undefined, "the data folder's server/"),
    )
    .addOption(new Option('--max-sessions <n>', 'sessions at once').argParser(whole('max sessions', 1, 10000)).default(64))
    .addOption(
      new Option('--max-per-address <n>', 'sessions at once from one address').argParser(whole('max per address', 1, 10000)).default(4),
    )
    .addOption(new Option('--idle-minutes <n>', 'close a session without a key for this long').argParser(parseMinutes).default(10))
    .addOption(
      new Option('--authorized-keys <file>', 'only the keys in this OpenSSH authorized_keys file may connect').argParser(
        nonEmpty('authorized keys file'),
      ),
    )
    .addOption(seedOption('random for each session'))
    .action(async (options: ServeOptions) => (await import('../actions/serve.js')).serveAction(options, deps));
  addExamples(serve, [
    { args: 'serve', what: 'serve on 127.0.0.1:2222; join with ssh -p 2222 NAME@127.0.0.1' },
    { args: 'serve --listen 0.0.0.0 --authorized-keys ~/.ssh/authorized_keys', what: 'a private server on every interface' },
    { args: 'serve --seed 7', what: 'every game on the server deals the same pieces: a race' },
  ]);
}
