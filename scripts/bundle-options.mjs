// The esbuild options every bundle of inktris shares: scripts/build.mjs (the
// program in dist/) and bench/run.mjs (the benchmark's entries). They change
// how the bundle loads Node's built-in modules, never what a dependency does:
// the dependencies are patched where they live (patches/, applied by npm ci),
// so the tests run the same code as the bundle.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

/**
 * Bundled CommonJS (React, Ink's dependencies) calls require() for Node's
 * built-in modules only. process.getBuiltinModule gives them without
 * loading node:module (createRequire), which costs startup time.
 *
 * The one other thing it may require is a native addon (`*.node`, left
 * external): ssh2's cipher, sshcrypto.node, which scripts/build.mjs puts
 * beside the chunk that requires it where it was built (native-addons.mjs).
 * That require goes through createRequire from the chunk, loading
 * node:module only then (only the server does); where the file is missing
 * or does not load (another platform or Node), it throws as any require
 * here does, and ssh2's try/catch takes its JavaScript path.
 */
const BANNER =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the banner is source text; its template is the bundle's own
  'const require = (id) => process.getBuiltinModule(id) ?? (id.endsWith(".node") ? process.getBuiltinModule("node:module").createRequire(import.meta.url)(id) : (() => { throw new Error(`inktris: require(${JSON.stringify(id)}) is not a built-in module`); })());';

const BUILTINS = new Set(builtinModules.filter((id) => !id.startsWith('_')));

/**
 * An ESM import of a built-in module (`import { x } from 'node:util'`, as
 * commander and Ink write them) makes Node build an ES module facade that
 * reads every export of the module at once, and so loads all that the
 * module otherwise loads on first use: for `node:util` alone parseArgs,
 * diff, streams and worker_threads; commander's `node:child_process`
 * brings net and dgram. About 25 ms of every start, `--version` included.
 *
 * In the bundle, each static import (and require) of a built-in module is
 * a small CommonJS module instead. A module that is a namespace of functions (`fs`, `util`,
 * `child_process`...) becomes an object of getters, one per export as this
 * Node lists them at build time, each reading `process.getBuiltinModule`
 * when the export is first used: nothing loads before it is used, and
 * esbuild's interop copies getters without calling them. A module that is
 * a class or function (`events`, `stream`) or `process` (an event emitter:
 * its methods need it as `this`) is the module itself, as in Node.
 */
const builtinsWithoutFacades = {
  name: 'builtins-without-facades',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      // import('node:fs') stays as written: Node answers it with the module's own namespace, while the
      // object of getters below, through esbuild's interop, would have no readFileSync (Ink's DEV path).
      if (args.kind === 'dynamic-import') return undefined;
      const name = args.path.replace(/^node:/, '');
      if (!BUILTINS.has(name)) return undefined;
      return { path: name, namespace: 'builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const id = `node:${args.path}`;
      const real = process.getBuiltinModule(id);
      const load = `process.getBuiltinModule(${JSON.stringify(id)})`;
      if (typeof real === 'function' || real === process) return { contents: `module.exports = ${load};`, loader: 'js' };
      const getters = Object.keys(real).map((key) => `  get ${JSON.stringify(key)}() { return ${load}[${JSON.stringify(key)}]; },`);
      return { contents: ['module.exports = {', ...getters, '};'].join('\n'), loader: 'js' };
    });
  },
};

/**
 * The bundle is only as fast as the dependencies it bundles: Ink and Yoga
 * are patched where they live (patches/, applied by `npm ci`), and a build
 * from a node_modules installed without its scripts would ship them
 * unpatched. This fails that build instead; it reads nothing into the
 * bundle.
 */
const patchedDependencies = {
  name: 'patched-dependencies',
  setup(build) {
    build.onStart(() => {
      const marker = new URL('./fast-string-width.js', import.meta.resolve('ink'));
      if (existsSync(marker)) return undefined;
      return { errors: [{ text: 'Ink is not patched (node_modules/ink has no build/fast-string-width.js): run npm ci' }] };
    });
  },
};

/**
 * ssh2 reads `__dirname` as it loads, which an ES module bundle has none
 * of: its Poly1305 (an Emscripten module, whose WebAssembly is inline, a
 * data: URI) and its agent (the path of Windows' pagent.exe, for Pageant
 * only). Neither folder is used by the server: an empty one is given.
 */
const emscriptenDirname = {
  name: 'emscripten-dirname',
  setup(build) {
    build.onLoad({ filter: /[\\/]ssh2[\\/]lib[\\/](agent|protocol[\\/]crypto[\\/]poly1305)\.js$/ }, (args) => ({
      contents: `var __dirname = "";\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js',
    }));
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
  // ssh2 (the server) tries its optional native parts, cpu-features and its
  // crypto binding, in a try/catch: where they do not load, it takes its pure
  // JavaScript path. Its binding is shipped beside the bundle where it was
  // built (scripts/native-addons.mjs); cpu-features never is.
  external: ['react-devtools-core', 'cpu-features', '*.node'],
  // React's production build.
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: BANNER },
  plugins: [patchedDependencies, builtinsWithoutFacades, emscriptenDirname],
  logLevel: 'warning',
};
