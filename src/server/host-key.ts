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
  const made = ssh2.utils.generateKeyPairSync('ed25519');
  // Made with mode 0600 from the start: the key is never readable by others, not even while it is written.
  writeFileSafely(path, made.private, 0o600);
  return { privateKey: made.private, fingerprint: fingerprintOfPrivate(made.private, path), created: true };
}
