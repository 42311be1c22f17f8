// The licence notices of the packages bundled into dist/ (scripts/build.mjs
// writes them to dist/THIRD-PARTY-NOTICES.txt). The bundle is minified with
// esbuild's `legalComments: 'none'`, which drops the notices the packages'
// files carry, and the package ships none of their folders: their licences
// (MIT, ISC) ask that the notice travel with the code, so it travels here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The name of the file the notices are written to, in dist/. */
export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

/**
 * Bundled packages that ship no licence file. yoga-layout's files say "MIT
 * license found in the LICENSE file in the root directory of this source
 * tree" (facebook/yoga), but that file is not in the npm package; this is it.
 */
const MISSING_LICENCES = {
  'yoga-layout': `MIT License

Copyright (c) Meta Platforms, Inc. and affiliates.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`,
};

/**
 * The folders of the packages an esbuild metafile's inputs come from, each
 * once: `.../node_modules/ink/build/x.js` is `.../node_modules/ink`, and a
 * nested copy (`.../node_modules/wrap-ansi/node_modules/ansi-styles`) is a
 * package of its own, since its version, and so maybe its licence, differs.
 * Input paths are relative to `workingDir` (esbuild's absWorkingDir).
 */
export function bundledPackageDirs(metafile, workingDir) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    // Plugins' modules (`builtin:fs`, `fast-string-width:...`) are no files; what they wrap is an input of its own.
    if (/^[\w-]+:/.test(input)) continue;
    const match = /^((?:.*[\\/])?node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
    if (match) dirs.add(resolve(workingDir, match[1]));
  }
  return [...dirs].sort();
}

/** A package's licence text: its LICENSE / LICENCE / license.md file, or the one MISSING_LICENCES holds. */
export function licenceText(dir, name) {
  const file = readdirSync(dir).find((entry) => /^licen[cs]e(\.(md|txt))?$/i.test(entry));
  if (file) return readFileSync(join(dir, file), 'utf8');
  if (name in MISSING_LICENCES) return MISSING_LICENCES[name];
  throw new Error(`${dir}: no licence file, and none known for ${name}: add its licence to scripts/third-party-notices.mjs`);
}

/** The notices file for a bundle: one section per bundled package and version (name, version, licence), sorted by name. */
export function thirdPartyNotices(metafile, workingDir) {
  const byRelease = new Map();
  for (const dir of bundledPackageDirs(metafile, workingDir)) {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    byRelease.set(`${name}@${version}`, { name, version, text: `${name} ${version} (${license})\n\n${licenceText(dir, name).trim()}\n` });
  }
  const sections = [...byRelease.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const rule = `\n${'-'.repeat(78)}\n\n`;
  const head = 'inktris bundles the following packages into dist/; their licence notices follow.\n';
  return [head, ...sections.map((section) => section.text)].join(rule);
}
