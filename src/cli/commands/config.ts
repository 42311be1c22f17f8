/** `inktris config`: where config.json is, and the settings in effect. */
import type { Command } from 'commander';
import { loadSettings, settingsJson, configPath } from '../config.js';
import type { CliDeps } from '../deps.js';
import { InputError } from '../errors.js';
import { pathsFor } from '../paths.js';

/** Adds `config --path | --print`. */
export function registerConfig(program: Command, deps: CliDeps): void {
  program
    .command('config')
    .description('show where config.json is (--path) or the settings in effect (--print)')
    .option('--path', 'print the path of config.json (it need not exist)')
    .option('--print', 'print the effective settings as JSON: defaults, then config.json, then NO_COLOR')
    .action(async (options: { path?: boolean; print?: boolean }) => {
      const dir = pathsFor(deps.env).config;
      if (!options.path && !options.print) throw new InputError('config: pass --path or --print');
      if (options.path) deps.stdout.write(`${configPath(dir)}\n`);
      if (options.print) {
        const { settings, warnings } = await loadSettings(dir, deps.env);
        for (const line of warnings) deps.stderr.write(`inktris: ${line}\n`);
        deps.stdout.write(`${JSON.stringify(settingsJson(settings), null, 2)}\n`);
      }
    });
}
