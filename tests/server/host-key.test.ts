/**
 * The server's host key (src/server/host-key.ts): made once, mode 0600, read
 * back with the same fingerprint, and never one ssh2 cannot read: ssh2's
 * generator makes a malformed key about once in 256 (mscdex/ssh2 1390,
 * 1513), which once failed a start in CI and would have broken the folder.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { HOST_KEY_FILE, loadHostKey, makeHostKey } from '../../src/server/host-key.js';

/** A key ssh2's own generator made that ssh2 cannot read (found by making keys until one is). */
function unreadableKey(): { private: string } {
  for (let i = 0; i < 20_000; i++) {
    const made = ssh2.utils.generateKeyPairSync('ed25519');
    if (ssh2.utils.parseKey(made.private) instanceof Error) return made;
  }
  throw new Error('no unreadable key in 20,000');
}

describe('the host key', () => {
  it('is made again when the generator makes one ssh2 cannot read', () => {
    const bad = unreadableKey();
    const good = ssh2.utils.generateKeyPairSync('ed25519');
    const made = [bad, bad, good];
    const key = makeHostKey(() => made.shift()!);
    expect(made).toHaveLength(0);
    expect(key.privateKey).toBe(good.private);
    expect(ssh2.utils.parseKey(key.privateKey)).not.toBeInstanceOf(Error);
  });

  it('gives up with a message rather than write a key that would stop every later start', () => {
    const bad = unreadableKey();
    expect(() => makeHostKey(() => bad)).toThrow('cannot make a host key ssh2 reads');
  });

  it('is made once with mode 0600 and read back with the same fingerprint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inktris-host-key-'));
    const first = loadHostKey(dir);
    expect(first.created).toBe(true);
    expect(first.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(statSync(join(dir, HOST_KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = loadHostKey(dir);
    expect(again).toEqual({ ...first, created: false });
  });
});
