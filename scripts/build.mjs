// Bundles the CLI into dist/inktris.js with esbuild, React in its production
// build, for a fast start. Run by `npm install` (prepare). Code splitting
// keeps what commands load with import() (Ink, React, the game screen) in
// chunks of their own, so headless commands never parse them.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from './bundle-options.mjs';

// Old chunks would pile up: their names carry content hashes.
await rm('dist', { recursive: true, force: true });

await build({
  ...BUNDLE_OPTIONS,
  entryPoints: { inktris: 'src/cli/main.ts' },
  outdir: 'dist',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
});
