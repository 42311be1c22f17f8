// The esbuild options every bundle of inktris shares: scripts/build.mjs (the
// program in dist/) and bench/run.mjs (the benchmark's entries).

/**
 * Bundled CommonJS (React, Ink's dependencies) calls require() for Node's
 * built-in modules only. process.getBuiltinModule gives them without
 * loading node:module (createRequire), which costs startup time.
 */
const BANNER =
  "const require = (id) => process.getBuiltinModule(id) ?? (() => { throw new Error(`inktris: require(${JSON.stringify(id)}) is not a built-in module`); })();";

export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Code splitting keeps what commands load with import() (Ink, React, the
  // game screen, each command's action) in chunks of their own, so a command
  // parses only what it runs.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node22.12',
  // Ink loads react-devtools-core only when DEV=true; it is not installed.
  external: ['react-devtools-core'],
  // React's production build.
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: BANNER },
  logLevel: 'warning',
};
