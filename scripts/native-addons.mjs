// ssh2's cipher in C (sshcrypto.node) beside the bundle. ssh2 builds it at
// install with node-gyp where a compiler is (its install script; without one
// it says so and installs anyway), and requires it in a try/catch, from
// lib/protocol/crypto.js, as ./crypto/build/Release/sshcrypto.node. The
// bundle keeps that require as written (BUNDLE_OPTIONS.external has *.node;
// its banner loads an addon with createRequire from the chunk), so the file
// goes to the same place relative to the chunk that holds crypto.js:
// dist/chunks/crypto/build/Release/sshcrypto.node. Nothing of ssh2's code
// changes. Where it was not built, or was built for another Node, nothing
// is copied and ssh2 runs its ciphers in JavaScript, as it does wherever
// the file does not load (a package packed on another platform or run by
// another Node).
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The addons shipped: the module that requires each one (a path in node_modules), and the path it requires. */
const ADDONS = [{ from: '/node_modules/ssh2/lib/protocol/crypto.js', addon: './crypto/build/Release/sshcrypto.node' }];

/**
 * Whether the addon at `path` loads in this Node. node-gyp builds it
 * against the headers npm is set to (`nodedir`), which need not be this
 * Node's: on the project's machines npm's nodedir is the system Node 20's,
 * so the file is there but Node 24 refuses it ("did not self-register").
 * Such a file is not shipped: it could only fail to load.
 */
function loads(path) {
  if (!existsSync(path)) return false;
  try {
    createRequire(import.meta.url)(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copy each addon that exists and loads beside the output file bundling the module
 * that requires it (from esbuild's `metafile`, paths relative to `cwd`);
 * returns the files written, relative to `cwd`.
 */
export async function copyNativeAddons(metafile, cwd) {
  const written = [];
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    for (const input of Object.keys(inputs)) {
      // esbuild writes the metafile's paths with forward slashes.
      const addon = ADDONS.find(({ from }) => `/${input}`.endsWith(from));
      if (!addon) continue;
      const source = resolve(cwd, dirname(input), addon.addon);
      if (!loads(source)) continue;
      const target = join(dirname(output), addon.addon);
      await mkdir(resolve(cwd, dirname(target)), { recursive: true });
      await copyFile(source, resolve(cwd, target));
      written.push(target);
    }
  }
  return written;
}
