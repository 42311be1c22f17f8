/**
 * Reading a replay file from disk for any command: the size bound before
 * reading, errno codes turned into one clear line, then the core's reader.
 */
import { MAX_REPLAY_BYTES, MAX_REPLAY_SIZE } from '../core/limits.js';
import { parseMatchReplay, parsePackedReplay, type MatchReplay } from '../core/replay-reader.js';
import type { PackedReplay } from '../core/replay.js';
import type { CliDeps } from './deps.js';
import { InputError, printable } from './errors.js';

/** The one line for a file that cannot be read, by errno code. */
function unreadable(label: string, error: unknown): InputError | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return null;
  switch (code) {
    case 'ENOENT':
      return new InputError(`${label}: no such file`);
    case 'EACCES':
    case 'EPERM':
      return new InputError(`${label}: cannot read (permission denied)`);
    case 'EISDIR':
      return new InputError(`${label}: is a folder, not a replay file`);
    case 'ENOTREG':
      // bounded-read.ts's refusal: a FIFO or device is never read (it could block or never end).
      return new InputError(`${label}: ${(error as Error).message}, not a replay file`);
    case 'EFBIG':
      return new InputError(`${label}: too large (a replay may have at most ${MAX_REPLAY_SIZE})`);
    case 'ENOTDIR':
      return new InputError(`${label}: no such file (a part of the path is not a folder)`);
    default:
      return new InputError(`${label}: cannot read (${code})`);
  }
}

/** The file's text and its name as one printable line, or an InputError (exit 2). */
async function readReplayText(
  path: string,
  deps: Pick<CliDeps, 'readFile' | 'fileSize'>,
  onSize?: (bytes: number) => void,
): Promise<{ label: string; text: string }> {
  // The name as one printable line: a control character would break the one-line contract.
  const label = printable(path);
  try {
    const size = await deps.fileSize(path);
    if (size > MAX_REPLAY_BYTES) throw new InputError(`${label}: too large: ${size} bytes (a replay may have at most ${MAX_REPLAY_SIZE})`);
    onSize?.(size);
    return { label, text: await deps.readFile(path) };
  } catch (error) {
    throw error instanceof InputError ? error : (unreadable(label, error) ?? error);
  }
}

/**
 * The replay in `path`, its inputs in columns (`parsePackedReplay`: a few
 * bytes an input, never an object each), or an InputError (exit 2) naming
 * the file and the problem: missing, unreadable, larger than MAX_REPLAY_SIZE
 * (checked before reading), or refused by the reader. Other errors are left
 * to be internal ones. `onSize` hears the file's size before it is read.
 */
export async function loadPackedReplay(
  path: string,
  deps: Pick<CliDeps, 'readFile' | 'fileSize'>,
  onSize?: (bytes: number) => void,
): Promise<PackedReplay> {
  const loaded = await loadReplayOrMatch(path, deps, onSize);
  if (loaded.kind === 'match') {
    throw new InputError(`${printable(path)}: a versus match: this command reads one game; 'inktris replay FILE --json' prints the match`);
  }
  return loaded.replay;
}

/** A replay file's game, or its versus match. */
export type LoadedReplay =
  | { readonly kind: 'game'; readonly replay: PackedReplay }
  | { readonly kind: 'match'; readonly replay: MatchReplay };

/**
 * `loadPackedReplay`, or the match of a version 2 file with `players`
 * (read only when the file is not one game, so a game's reading pays nothing).
 */
export async function loadReplayOrMatch(
  path: string,
  deps: Pick<CliDeps, 'readFile' | 'fileSize'>,
  onSize?: (bytes: number) => void,
): Promise<LoadedReplay> {
  const { label, text } = await readReplayText(path, deps, onSize);
  const parsed = parsePackedReplay(text, label);
  if (parsed.ok) return { kind: 'game', replay: parsed.replay };
  const match = parseMatchReplay(text, label);
  if (match === null) throw new InputError(parsed.error);
  if (!match.ok) throw new InputError(match.error);
  return { kind: 'match', replay: match.replay };
}
