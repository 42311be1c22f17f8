/** What `inktris demo` does: the autoplayer on the terminal screen. Loaded by the command when it runs. */
import type { DemoOptions } from '../commands/demo.js';
import type { CliDeps } from '../deps.js';
import { gameSettingsOf } from '../options.js';
import { requireScreen } from '../require-screen.js';
import { lookFor, runOnTerminal } from '../terminal-session.js';
import type { Command } from 'commander';
import { sessionSeed } from '../session-seeds.js';

/** Show the bot playing, game after game, until `q`. */
export async function demoAction(options: DemoOptions, command: Command, deps: CliDeps): Promise<void> {
  requireScreen(deps, 'demo:', 'for a headless game see `inktris bot`');
  const look = await lookFor(options, command, deps);
  const settings = gameSettingsOf(options);
  const { DEMO, demoModel } = await import('../../ui/drivers/demo.js');
  // A fixed --seed plays the same game again; otherwise each game gets a new one.
  const first = options.seed ?? deps.randomSeed();
  await runOnTerminal(
    deps,
    look,
    DEMO,
    demoModel({ settings, seedOf: (game) => sessionSeed(options.seed, first, game), keymap: look.keymap }),
  );
}
