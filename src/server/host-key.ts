/**
 * The server's host key: ed25519, made on the first start and kept in the
 * data folder with mode 0600 (written once through the safe writer); its
 * fingerprint as OpenSSH prints it (`SHA256:` and unpadded base64).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from '../cli/disk.js';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { writeFileSafely } from '../cli/safe-write.js';

/** The key file's name in the data folder. */
export const HOST_KEY_FILE = 'host_ed25519_key';

/** The host key, read or made. */
export interface HostKey {
  readonly privateKey: string;
  readonly fingerprint: string;
  readonly created: boolean;
}

/** `SHA256:...` of a public key blob, as `ssh-keygen -l` prints it. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The fingerprint of a private key's public half. */
function fingerprintOfPrivate(text: string, path: string): string {
  const parsed = ssh2.utils.parseKey(text);
  if (parsed instanceof Error) throw new Error(`${path}: not a host key (${parsed.message})`);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  return fingerprintOf(key.getPublicSSH());
}

/** The host key in `dir`, made there (mode 0600) if there is none. */
export function loadHostKey(dir: string): HostKey {
  const path = join(dir, HOST_KEY_FILE);
  try {
    const text = readFileSync(path, 'utf8');
    return { privateKey: text, fingerprint: fingerprintOfPrivate(text, path), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const made = makeHostKey();
  // Made with mode 0600 from the start: the key is never readable by others, not even while it is written.
  writeFileSafely(path, made.privateKey, 0o600);
  return { ...made, created: true };
}

/** How many keys `makeHostKey` makes at most before it gives up (one in 256 is unreadable; 16 in a row are not). */
const MAKE_TRIES = 16;

/**
 * A new ed25519 key that ssh2 reads back. ssh2's generator drops the
 * leading zero bytes of the public key, so one key in 256 (a public key
 * that starts with 0x00) comes out malformed and ssh2 refuses it
 * (mscdex/ssh2 issues 1390, 1513): written as it is, the server would never
 * start again from that folder. Such a key is made again before anything
 * is written.
 */
export function makeHostKey(generate: () => { readonly private: string } = () => ssh2.utils.generateKeyPairSync('ed25519')): {
  readonly privateKey: string;
  readonly fingerprint: string;
} {
  for (let i = 0; i < MAKE_TRIES; i++) {
    const made = generate().private;
    const parsed = ssh2.utils.parseKey(made);
    if (parsed instanceof Error) continue;
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    return { privateKey: made, fingerprint: fingerprintOf(key.getPublicSSH()) };
  }
  throw new Error(`cannot make a host key ssh2 reads (${MAKE_TRIES} tries)`);
}
