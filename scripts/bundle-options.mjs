// The esbuild options every bundle of inktris shares: scripts/build.mjs (the
// program in dist/) and bench/run.mjs (the benchmark's entries).
import { readFile } from 'node:fs/promises';

/**
 * Bundled CommonJS (React, Ink's dependencies) calls require() for Node's
 * built-in modules only. process.getBuiltinModule gives them without
 * loading node:module (createRequire), which costs startup time.
 */
const BANNER =
  "const require = (id) => process.getBuiltinModule(id) ?? (() => { throw new Error(`inktris: require(${JSON.stringify(id)}) is not a built-in module`); })();";

/**
 * Yoga (Ink's layout engine) carries its WebAssembly inline, as a base64
 * data: URL, and its Emscripten loader reads it with fetch() whenever fetch
 * is a function. In Node that first touch of fetch loads undici, Node's
 * whole HTTP client, to decode a string already in memory: about 5 MB of
 * resident memory and tens of milliseconds before the first frame. With
 * `typeof fetch` answered "undefined" in that one file, the loader takes its
 * own synchronous path (atob) to the same bytes.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]+\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const patched = text.replaceAll('typeof fetch', '"undefined"');
      if (patched === text) throw new Error(`${args.path}: no \`typeof fetch\` to answer (has yoga-layout changed?)`);
      return { contents: patched, loader: 'js' };
    });
  },
};

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
  plugins: [yogaWithoutFetch],
  logLevel: 'warning',
};
