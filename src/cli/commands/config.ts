/** `inktris config`: where config.json is, and the settings in effect. What it does is in actions/config.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { CliDeps } from '../deps.js';
import { addExamples } from '../help-examples.js';

/** The options `config` parses. */
export interface ConfigOptions {
  readonly path?: boolean;
  readonly print?: boolean;
}

/** Adds `config --path | --print`. */
export function registerConfig(program: Command, deps: CliDeps): void {
  const config = program
    .command('config')
    .description('show where config.json is (--path) or the settings in effect (--print)')
    .option('--path', 'print the path of config.json (it need not exist)')
    .option('--print', 'print the effective settings as JSON: defaults, then config.json, then NO_COLOR')
    .action(async (options: ConfigOptions) => (await import('../actions/config.js')).configAction(options, deps));
  addExamples(config, [
    { args: 'config --path', what: 'where config.json is (it need not exist yet)' },
    { args: 'config --print', what: 'the settings in effect, as JSON' },
  ]);
}
