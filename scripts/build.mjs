// Bundles the CLI into dist/inktris.js with esbuild, React in its production
// build, for a fast start. Run by `npm install` (prepare). Code splitting
// keeps what commands load with import() (Ink, React, the game screen) in
// chunks of their own, so headless commands never parse them. The bundled
// packages' licence notices go to dist/THIRD-PARTY-NOTICES.txt; ssh2's
// native cipher, where it was built, goes beside its chunk (native-addons.mjs).
// `replay FILE --json` has a bundle of its own (LEAN_ENTRY below).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from './bundle-options.mjs';
import { copyNativeAddons } from './native-addons.mjs';
import { NOTICES_FILE, thirdPartyNotices } from './third-party-notices.mjs';

// Old chunks would pile up: their names carry content hashes.
await rm('dist', { recursive: true, force: true });

/**
 * `inktris replay FILE --json`, the headless summary whose whole process is
 * measured against `node -e 0` (issue 18), in one file of its own with all
 * it needs (src/cli/lean-replay-json.ts), which bin/inktris.js starts for
 * that command line: through the program it would load 27 modules, and
 * each costs the start about half a millisecond.
 */
const LEAN_ENTRY = 'lean-replay-json';

const result = await build({
  ...BUNDLE_OPTIONS,
  entryPoints: { inktris: 'src/cli/main.ts' },
  outdir: 'dist',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  metafile: true,
});
const lean = await build({
  ...BUNDLE_OPTIONS,
  entryPoints: { [LEAN_ENTRY]: `src/cli/${LEAN_ENTRY}.ts` },
  outdir: 'dist',
  splitting: false,
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  metafile: true,
});
const inputs = { ...result.metafile.inputs, ...lean.metafile.inputs };
await writeFile(join('dist', NOTICES_FILE), thirdPartyNotices({ ...result.metafile, inputs }, process.cwd()));
await copyNativeAddons(result.metafile, process.cwd());
