/** CliDeps for in-process CLI tests: files in memory, output captured. */
import type { CliDeps } from '../../src/cli/deps.js';

/** A file's content, or the errno code reading it fails with. */
export type MemoryFile = string | { readonly code: string };

/** What a test run leaves behind: the captured output and the deps it ran with. */
export interface MemoryDeps extends CliDeps {
  readonly out: string[];
  readonly err: string[];
  /** Paths `readFile` was called with. */
  readonly reads: string[];
  /** One entry per call of `holdYoungGeneration`. */
  readonly held: true[];
  /** One entry per call of `skipOptimizingCompiler`. */
  readonly quickCompiles: true[];
}

function errno(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** Deps whose disk is `files`; `sizes` overrides the size `fileSize` reports. */
export function memoryDeps(files: Record<string, MemoryFile> = {}, sizes: Record<string, number> = {}): MemoryDeps {
  const out: string[] = [];
  const err: string[] = [];
  const reads: string[] = [];
  const held: true[] = [];
  const quickCompiles: true[] = [];
  const lookup = (path: string): string => {
    const file = Object.hasOwn(files, path) ? files[path] : { code: 'ENOENT' };
    if (typeof file !== 'string') throw errno(file!.code, path);
    return file;
  };
  return {
    out,
    err,
    reads,
    held,
    quickCompiles,
    stdout: { write: (text) => void out.push(text) },
    stderr: { write: (text) => void err.push(text) },
    env: {},
    isTTY: false,
    terminal: () => {
      throw new Error('memoryDeps has no terminal: a screen command must stop at its TTY check');
    },
    now: () => new Date(),
    signals: process,
    version: '0.1.0',
    readFile: async (path) => {
      reads.push(path);
      return lookup(path);
    },
    fileSize: async (path) => sizes[path] ?? Buffer.byteLength(lookup(path)),
    writeFile: async (path, text) => {
      if (typeof text === 'string') files[path] = text;
      else {
        const pieces: string[] = [];
        for await (const piece of text) pieces.push(piece);
        files[path] = pieces.join('');
      }
    },
    randomSeed: () => 42,
    holdYoungGeneration: () => void held.push(true),
    skipOptimizingCompiler: () => void quickCompiles.push(true),
    holdOldGeneration: () => {},
  };
}
