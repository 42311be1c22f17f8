// The esbuild options every bundle of inktris shares: scripts/build.mjs (the
// program in dist/) and bench/run.mjs (the benchmark's entries).
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Bundled CommonJS (React, Ink's dependencies) calls require() for Node's
 * built-in modules only. process.getBuiltinModule gives them without
 * loading node:module (createRequire), which costs startup time.
 */
const BANNER =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the banner is source text; its template is the bundle's own
  'const require = (id) => process.getBuiltinModule(id) ?? (() => { throw new Error(`inktris: require(${JSON.stringify(id)}) is not a built-in module`); })();';

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

const TEXT_WIDTH = fileURLToPath(new URL('../src/ui/terminal/text-width.ts', import.meta.url));
const REAL = Symbol('the real string-width');

/**
 * Ink measures every text of the screen on every frame with string-width,
 * which segments any text that is not plain ASCII (the board's rows are
 * not) and runs Unicode-property regular expressions on each character.
 * Every import of string-width in the bundle gets `fastWidth` around it
 * (src/ui/terminal/text-width.ts): the same answers, with the board's characters
 * counted directly and other texts remembered. The build fails if nothing
 * imported string-width, since then Ink has changed and this needs a look.
 */
const fastStringWidth = {
  name: 'fast-string-width',
  setup(build) {
    let wrapped = 0;
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === REAL) return undefined;
      const real = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: REAL,
      });
      if (real.errors.length > 0) return { errors: real.errors };
      wrapped += 1;
      // The wrapper's name goes into the chunk hashes: the path below node_modules, never the checkout's absolute path.
      return { path: real.path.replace(/^.*?[\\/]node_modules[\\/]/, ''), namespace: 'fast-string-width', pluginData: real.path };
    });
    build.onLoad({ filter: /.*/, namespace: 'fast-string-width' }, (args) => ({
      contents: [
        `import measure from ${JSON.stringify(args.pluginData)};`,
        `import { fastWidth } from ${JSON.stringify(TEXT_WIDTH)};`,
        'export default fastWidth(measure);',
      ].join('\n'),
      resolveDir: dirname(args.pluginData),
      loader: 'js',
    }));
    build.onEnd((result) => {
      if (wrapped > 0 || result.errors.length > 0) return undefined;
      return { errors: [{ text: 'nothing imported string-width (has Ink changed?)' }] };
    });
  },
};

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

/** `text` with `from` replaced by `to`; throws unless `from` occurs exactly once. */
function replaceOnce(text, from, to, path) {
  if (text.split(from).length !== 2)
    throw new Error(`${path}: expected exactly one ${JSON.stringify(from.trim().split('\n')[0])} (has the package changed?)`);
  return text.replace(from, () => to);
}

/**
 * Ink draws each frame into a new Output, which allocates most of what a
 * frame allocates. In the bundle, two things an Output made afresh for
 * each frame are made once:
 * - its caches of the texts it has split into styled characters and of
 *   their widths: all Outputs share one set, so a text that did not change
 *   since the last frame (most of them) is looked up, not split again. The
 *   set starts over once any of its maps holds OUTPUT_CACHE_LIMIT entries,
 *   which bounds its memory.
 * - the blank cell that fills its grid before anything is written: one
 *   frozen cell for all, instead of one object (and one style array) for
 *   each of the terminal's cells.
 * Output only reads these values and copies them into each frame's grid;
 * it never changes one (a frozen cell would throw if it tried).
 */
const OUTPUT_CACHE_LIMIT = 1024;
const sharedOutputParts = {
  name: 'shared-output-parts',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      text = replaceOnce(text, '    caches = new OutputCaches();', '    caches = inktrisSharedCaches();', args.path);
      text = replaceOnce(
        text,
        `                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
        '                row.push(INKTRIS_BLANK);',
        args.path,
      );
      const shared = [
        '',
        '// inktris (scripts/bundle-options.mjs): what every Output shares.',
        "const INKTRIS_BLANK = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });",
        'let inktrisCaches = new OutputCaches();',
        'function inktrisSharedCaches() {',
        `  const limit = ${OUTPUT_CACHE_LIMIT};`,
        '  const { styledChars, widths, blockWidths } = inktrisCaches;',
        '  if (styledChars.size >= limit || widths.size >= limit || blockWidths.size >= limit) inktrisCaches = new OutputCaches();',
        '  return inktrisCaches;',
        '}',
        '',
      ].join('\n');
      return { contents: text + shared, loader: 'js' };
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
  plugins: [builtinsWithoutFacades, yogaWithoutFetch, fastStringWidth, sharedOutputParts],
  logLevel: 'warning',
};
