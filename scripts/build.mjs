// Bundles the CLI into dist/inktris.js with esbuild: one file, React in its
// production build, for a fast start. Run by `npm install` (prepare).
import { build } from 'esbuild';

await build({
  entryPoints: { inktris: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
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
