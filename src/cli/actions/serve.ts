/**
 * What `inktris serve` does: the server's folder (the host key, the
 * replays, the table), the options checked, the server started
 * (src/server/), its address and fingerprint printed; SIGTERM or Ctrl-C
 * closes every session with a message and ends with 0.
 */
import { resolve } from 'node:path';
import type { ServeOptions } from '../commands/serve.js';
import type { CliDeps } from '../deps.js';
import { InputError, printable, warningLine } from '../errors.js';
import { pathsFor } from '../paths.js';
import { join } from 'node:path';

/** The table's module; it needs node:sqlite, which Node has without a flag from 22.13 on. */
export async function importLeaderboard(): Promise<typeof import('../../server/leaderboard.js')> {
  try {
    return await import('../../server/leaderboard.js');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_BUILTIN_MODULE') throw error;
    throw new InputError(
      `the server's table needs node:sqlite, which this Node (${process.version}) does not have: use Node 22.13 or later`,
    );
  }
}

/** The server's folder: `--data`, else the data folder's `server/`. */
export function serverDir(options: Pick<ServeOptions, 'data'>, deps: Pick<CliDeps, 'env'>): string {
  return options.data !== undefined ? resolve(options.data) : join(pathsFor(deps.env).data, 'server');
}

/** Serve until SIGTERM or SIGINT. */
export async function serveAction(options: ServeOptions, deps: CliDeps): Promise<void> {
  const { parseAuthorizedKeys, startServer } = await import('../../server/server.js');
  const { loadHostKey } = await import('../../server/host-key.js');
  const { Leaderboard } = await importLeaderboard();
  let authorizedKeys = null;
  if (options.authorizedKeys !== undefined) {
    let text: string;
    try {
      text = await deps.readFile(options.authorizedKeys);
    } catch (error) {
      throw new InputError(
        `${printable(options.authorizedKeys)}: cannot read the authorized keys (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    const parsed = parseAuthorizedKeys(text);
    if (parsed.problems.length > 0)
      throw new InputError(`${printable(options.authorizedKeys)}: not an OpenSSH public key at ${parsed.problems.join(', ')}`);
    if (parsed.keys.length === 0) throw new InputError(`${printable(options.authorizedKeys)}: holds no key, so nobody could connect`);
    authorizedKeys = parsed.keys;
  }
  const dir = serverDir(options, deps);
  let board: InstanceType<typeof Leaderboard>;
  let hostKey: ReturnType<typeof loadHostKey>;
  try {
    board = new Leaderboard(dir);
    hostKey = loadHostKey(dir);
  } catch (error) {
    throw new InputError(
      `${printable(dir)}: cannot keep the server's files there (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const log = (line: string) => deps.stderr.write(warningLine(line));
  // One session's bug must not end the others: an error no session caught is logged, and the server goes on.
  const onError = (error: unknown) => log(`uncaught: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  deps.signals.on('uncaughtException', onError);
  deps.signals.on('unhandledRejection', onError);
  // Not holdYoungGeneration, as the one-player commands do: 64 sessions allocate many times what one game does, and a
  // young generation held at 1 MB was collected all the time (12% of the server's CPU under bench/serve-load.ts;
  // 6.5 ms of CPU a session-second with it, 4.6 without, same run). The old generation is held: left to V8 it grew
  // the server to 431 MB of RSS under the same load.
  deps.holdOldGeneration();
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port: options.port,
      listen: options.listen,
      maxSessions: options.maxSessions,
      maxPerAddress: options.maxPerAddress,
      idleMinutes: options.idleMinutes,
      authorizedKeys,
      hostKey: hostKey.privateKey,
      board,
      now: deps.now,
      randomSeed: deps.randomSeed,
      seed: options.seed,
      readFile: deps.readFile,
      fileSize: deps.fileSize,
      log,
    });
  } catch (error) {
    board.close();
    throw new InputError(
      `cannot listen on ${printable(options.listen)} port ${options.port} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  if (hostKey.created) deps.stdout.write(`inktris: made the host key ${join(dir, 'host_ed25519_key')}\n`);
  deps.stdout.write(`inktris: serving on ${options.listen} port ${server.port}; host key ED25519 ${hostKey.fingerprint}\n`);
  deps.stdout.write(`inktris: join with: ssh -p ${server.port} NAME@${options.listen === '0.0.0.0' ? 'HOST' : options.listen}\n`);
  let stopListening = () => {};
  await new Promise<void>((done) => {
    let stopping = false;
    // The listeners stay while the sessions close: with none of its own left, signal-exit (loaded with Ink) would end the process of the signal.
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: closing ${server.sessions.size} sessions`);
      server.stop('the server is shutting down; thanks for playing').then(done);
    };
    deps.signals.on('SIGTERM', stop);
    deps.signals.on('SIGINT', stop);
    stopListening = () => {
      deps.signals.off('SIGTERM', stop);
      deps.signals.off('SIGINT', stop);
    };
  });
  board.close();
  stopListening();
  deps.signals.off('uncaughtException', onError);
  deps.signals.off('unhandledRejection', onError);
}
