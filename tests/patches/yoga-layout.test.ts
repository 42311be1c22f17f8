/**
 * Yoga as patched by patches/yoga-layout+3.2.1.patch: its loader decodes the
 * WebAssembly it carries inline without touching `fetch`, whose first use
 * loads undici, Node's HTTP client (memory and time before the first frame).
 * Fails on Yoga as published.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The Yoga Ink imports. */
const YOGA = pathToFileURL(createRequire(fileURLToPath(import.meta.resolve('ink'))).resolve('yoga-layout')).href;

/** Load Yoga in a Node of its own (this worker may have it loaded already), `fetch` watched. */
function loadYoga(): { fetchReads: number; nodeWidth: number } {
  const script = `
    const fetch = globalThis.fetch;
    let fetchReads = 0;
    Object.defineProperty(globalThis, 'fetch', { configurable: true, get() { fetchReads += 1; return fetch; } });
    const { default: Yoga } = await import(${JSON.stringify(YOGA)});
    const node = Yoga.Node.create();
    node.setWidth(7);
    node.calculateLayout(undefined, undefined);
    process.stdout.write(JSON.stringify({ fetchReads, nodeWidth: node.getComputedWidth() }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: process.cwd() });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as { fetchReads: number; nodeWidth: number };
}

describe('Yoga as Ink loads it', () => {
  it('lays out without ever reading fetch', () => {
    expect(loadYoga()).toEqual({ fetchReads: 0, nodeWidth: 7 });
  });
});
