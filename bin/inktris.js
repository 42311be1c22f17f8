#!/usr/bin/env node
// Starts the CLI bundled in dist/ by `npm install` (scripts/build.mjs). On a
// Node older than 22.12 it hands over to the Node 24 that the project's
// scripts install into .node/, passing signals on and dying of the same one;
// with none there, it says in one line what works (exit 2).
// No static imports: an ESM import of a built-in module (node:fs) makes Node
// load all of it, streams and readline included, about 10 ms of every start.

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  const { existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const local = fileURLToPath(new URL('../.node/node_modules/.bin/node', import.meta.url));
  if (!existsSync(local)) {
    // A git checkout has scripts/ (`npm install` there puts Node 24 into .node/); an installed package has not.
    const checkout = existsSync(fileURLToPath(new URL('../scripts/use-node.mjs', import.meta.url)));
    const fix = checkout
      ? `run \`npm install\` in ${fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '')} (it installs Node 24 into .node/), or install Node >= 22.12`
      : 'install Node >= 22.12, or run it with Node 24 from npm: npx -p node@24 -p inktris inktris';
    process.stderr.write(`inktris: needs Node.js >= 22.12 (this is ${process.version}); ${fix}\n`);
    process.exit(2);
  }
  const { spawn } = await import('node:child_process');
  const child = spawn(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches the child through the terminal; a signal sent to this process alone is passed on.
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  // V8's compiled code of dist/ kept on disk between runs (in the temporary folder, as `tsc` does; off with
  // NODE_DISABLE_COMPILE_CACHE=1): every start but the first skips compiling what it loads, about 5 ms of
  // `replay FILE --json` and 3 ms of `--version`.
  process.getBuiltinModule('node:module').enableCompileCache?.();
  // `replay FILE --json` (or `replay --json FILE`), FILE not an option, and nothing else: the summary from a bundle
  // of its own, one module without commander or any other command (src/cli/lean-replay-json.ts). Any other command
  // line, however close, is the program's to read; both run the same action.
  const [command, a, b, ...more] = process.argv.slice(2);
  const file = command === 'replay' && more.length === 0 ? (a === '--json' ? b : b === '--json' ? a : undefined) : undefined;
  if (file && !file.startsWith('-')) {
    const { runReplayJson } = await import('../dist/lean-replay-json.js');
    process.exitCode = await runReplayJson(file);
  } else {
    const { run } = await import('../dist/inktris.js');
    await run();
  }
}
