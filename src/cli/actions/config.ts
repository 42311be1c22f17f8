/** What `inktris config` does: the path of config.json, or the settings in effect. Loaded by the command when it runs. */
import type { ConfigOptions } from '../commands/config.js';
import { loadSettings, settingsJson, configPath } from '../config.js';
import type { CliDeps } from '../deps.js';
import { InputError, warningLine } from '../errors.js';
import { pathsFor } from '../paths.js';

/** Print what `--path` and `--print` ask for. */
export async function configAction(options: ConfigOptions, deps: CliDeps): Promise<void> {
  const dir = pathsFor(deps.env).config;
  if (!options.path && !options.print) throw new InputError('config: pass --path or --print');
  if (options.path) deps.stdout.write(`${configPath(dir)}\n`);
  if (options.print) {
    const { settings, warnings } = await loadSettings(dir, deps.env);
    for (const line of warnings) deps.stderr.write(warningLine(line));
    deps.stdout.write(`${JSON.stringify(settingsJson(settings), null, 2)}\n`);
  }
}
