// Bundles the CLI into dist/inktris.js with esbuild, React in its production
// build, for a fast start. Run by `npm install` (prepare). Code splitting
// keeps what commands load with import() (Ink, React, the game screen) in
// chunks of their own, so headless commands never parse them.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

// Old chunks would pile up: their names carry content hashes.
await rm('dist', { recursive: true, force: true });

await build({
  entryPoints: { inktris: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node22.12',
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  // Ink loads react-devtools-core only when DEV=true; it is not installed.
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS (React) calls require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __inktrisRequire } from 'node:module'; const require = __inktrisRequire(import.meta.url);" },
  logLevel: 'warning',
});
