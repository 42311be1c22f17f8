/**
 * `inktris serve`: an SSH server (the `ssh2` package, pure JavaScript) in
 * which every session is the front door of bare `inktris` (session.ts).
 * Only session channels with a pty and a shell are taken; everything else
 * is refused, with a message where the protocol carries one. The limits:
 * sessions in all and per address, idle minutes, keys a second
 * (channel-terminal.ts). Each session runs in its own try/catch: one that
 * fails ends alone.
 */
import { timingSafeEqual } from 'node:crypto';
import ssh2 from 'ssh2';
import type { AuthContext, CipherAlgorithm, Connection, ParsedKey, PseudoTtyInfo, ServerChannel, Session } from 'ssh2';
import { printable } from '../core/printable.js';
import { channelTerminal, type ChannelTerminal } from './channel-terminal.js';
import type { Leaderboard } from './leaderboard.js';
import { LiveFeed } from './live.js';
import { Lobby } from './lobby.js';
import { runSession } from './session.js';
import type { Interruption } from '../ui/terminal/run-screen.js';

/** A player name: the SSH user name, printable and at most this long. */
export const MAX_NAME = 16;

/** Why `name` cannot be a player's name, or null when it can. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return 'the player name (the SSH user name) is empty';
  if (printable(name) !== name || /\s/.test(name)) return 'the player name (the SSH user name) has characters that are not printable';
  if ([...name].length > MAX_NAME) return `the player name (the SSH user name) is longer than ${MAX_NAME} characters`;
  return null;
}

/** The options of the server (CLI.md "Server"). */
export interface ServeConfig {
  readonly port: number;
  readonly listen: string;
  readonly maxSessions: number;
  readonly maxPerAddress: number;
  readonly idleMinutes: number;
  /** The keys that may connect, or null for any key or none. */
  readonly authorizedKeys: readonly ParsedKey[] | null;
  readonly hostKey: string;
  readonly board: Leaderboard;
  readonly now: () => Date;
  readonly randomSeed: () => number;
  /** The seed of every game (`serve --seed`), or undefined for each session's own random stream. */
  readonly seed?: number;
  readonly readFile: (path: string) => Promise<string>;
  readonly fileSize: (path: string) => Promise<number>;
  /** A line for the server's log (stderr). */
  readonly log: (line: string) => void;
}

/** A session in the registry: what the lobby and the watchers list. */
export interface SessionEntry {
  readonly id: number;
  readonly player: string;
  readonly address: string;
  readonly started: Date;
  /** Its game, for watchers. */
  readonly feed: LiveFeed;
  /** Ends the session with a message to its player. */
  close(message: string): void;
}

/** The sessions running now, for whoever lists them (the lobby, watching, shutdown). */
export class SessionRegistry {
  private readonly sessions = new Map<number, SessionEntry>();
  private nextId = 1;

  add(entry: Omit<SessionEntry, 'id'>): SessionEntry {
    const full = { ...entry, id: this.nextId++ };
    this.sessions.set(full.id, full);
    return full;
  }

  remove(id: number): void {
    this.sessions.delete(id);
  }

  get(id: number): SessionEntry | undefined {
    return this.sessions.get(id);
  }

  list(): readonly SessionEntry[] {
    return [...this.sessions.values()];
  }

  get size(): number {
    return this.sessions.size;
  }
}

/** The lines of an authorized_keys file as keys; lines that are no key are named in `problems`. */
export function parseAuthorizedKeys(text: string): { readonly keys: ParsedKey[]; readonly problems: string[] } {
  const keys: ParsedKey[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    // [options] type base64 [comment]: the key starts at its type.
    const words = line.split(/\s+/);
    const at = words.findIndex((word) => /^(ssh-|ecdsa-|sk-)/.test(word));
    const parsed = at < 0 || words[at + 1] === undefined ? null : ssh2.utils.parseKey(`${words[at]} ${words[at + 1]}`);
    if (!parsed || parsed instanceof Error) problems.push(`line ${i + 1}`);
    else keys.push(Array.isArray(parsed) ? parsed[0]! : (parsed as ParsedKey));
  });
  return { keys, problems };
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answer one authentication attempt: with no list, anything; with one, only a listed key (and its signature). */
function authenticate(ctx: AuthContext, keys: readonly ParsedKey[] | null): void {
  if (keys === null) {
    ctx.accept();
    return;
  }
  if (ctx.method !== 'publickey') {
    ctx.reject(['publickey']);
    return;
  }
  const offered = ctx.key;
  const match = keys.find((key) => key.type === offered.algo && sameBytes(key.getPublicSSH(), offered.data));
  if (!match) {
    ctx.reject(['publickey']);
    return;
  }
  if (ctx.signature && ctx.blob && match.verify(ctx.blob, ctx.signature, ctx.hashAlgo) !== true) {
    ctx.reject(['publickey']);
    return;
  }
  ctx.accept();
}

/** Write `message` on the channel's stderr (what `ssh` prints), exit non-zero and close. */
function refuseChannel(channel: ServerChannel, message: string, code = 1): void {
  try {
    channel.stderr.write(`inktris: ${message}\r\n`);
    channel.exit(code);
    channel.end();
  } catch {
    // The client is gone already.
  }
}

/** The running server: its listening socket, its sessions, and how to stop it. */
export interface RunningServer {
  readonly port: number;
  readonly sessions: SessionRegistry;
  /** Close every session with `message`, stop listening; settles once the sockets are closed. */
  stop(message: string): Promise<void>;
}

/**
 * The ciphers offered: ssh2's own list without chacha20-poly1305. OpenSSH's
 * client asks for chacha20-poly1305 first, and in the bundle (which cannot
 * load ssh2's native module) ssh2 runs it in JavaScript: 16 MB of frames
 * cost the server 7.5-8.4 s of CPU with it, 2.9-3.3 s with aes128-ctr (node
 * crypto), which OpenSSH takes next. Every OpenSSH speaks these.
 */
const CIPHERS: CipherAlgorithm[] = ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'aes128-ctr', 'aes192-ctr', 'aes256-ctr'];

/** Start the server; settles once it listens. */
export function startServer(config: ServeConfig): Promise<RunningServer> {
  const sessions = new SessionRegistry();
  const lobby = new Lobby();
  /** Connections open now, in all and per address (refused ones included, until they close). */
  const connections = new Set<Connection>();
  const perAddress = new Map<string, number>();

  const server = new ssh2.Server({ hostKeys: [config.hostKey], ident: 'inktris', algorithms: { cipher: CIPHERS } }, (client, info) => {
    const address = info.ip;
    // A frame is a few small packets: Nagle's algorithm would hold each behind the client's delayed ACK (40 ms and more).
    (client as Connection & { setNoDelay(noDelay: boolean): void }).setNoDelay(true);
    connections.add(client);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    // Beyond twice the limits a client gets no handshake at all: a flood costs the server nothing more.
    if (connections.size > 2 * config.maxSessions || (perAddress.get(address) ?? 0) > 2 * config.maxPerAddress) {
      client.end();
    }
    /** Why this connection gets no game, said when it opens its session. */
    let refusal: string | null = null;
    if (connections.size > config.maxSessions) refusal = `the server is full (${config.maxSessions} sessions); try again later`;
    else if ((perAddress.get(address) ?? 0) > config.maxPerAddress)
      refusal = `too many sessions from your address (at most ${config.maxPerAddress}); close one and try again`;
    let player = '';
    let sessionOpen = false;
    // A connection that opens no session within a minute (a half-open handshake, a scanner) gives its place back.
    const handshake = setTimeout(() => {
      if (!sessionOpen) client.end();
    }, 60_000);
    handshake.unref();
    const closers = new Set<() => void>();

    client.on('authentication', (ctx) => {
      player = ctx.username;
      authenticate(ctx, config.authorizedKeys);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession, rejectSession) => {
        if (sessionOpen) {
          rejectSession();
          return;
        }
        sessionOpen = true;
        const session: Session = acceptSession();
        handleSession(session);
      });
      // -L (direct-tcpip) and streamlocal channels have no listener here: ssh2 refuses them as
      // "administratively prohibited", which ssh prints. -R (tcpip-forward) and every other global request: no.
      client.on('request', (_accept, reject) => reject?.());
    });
    client.on('error', () => {
      // A client that sends garbage or goes away mid-packet: its connection closes, nothing else.
    });
    client.on('close', () => {
      clearTimeout(handshake);
      connections.delete(client);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
      for (const close of closers) close();
    });

    function handleSession(session: Session): void {
      let pty: PseudoTtyInfo | null = null;
      let terminal: ChannelTerminal | null = null;
      session.on('pty', (accept, _reject, ptyInfo) => {
        pty = ptyInfo;
        accept?.();
      });
      session.on('window-change', (accept, _reject, size) => {
        accept?.();
        if (pty) pty = { ...pty, cols: size.cols, rows: size.rows };
        terminal?.resize(size.cols, size.rows);
      });
      session.on('env', (accept) => accept?.());
      session.on('auth-agent', (_accept, reject) => reject?.());
      session.on('x11', (_accept, reject) => reject?.());
      session.on('signal', (accept) => accept?.());
      session.on('subsystem', (accept, _reject, request) => {
        // sftp and every other subsystem: the channel is taken only to say no.
        refuseChannel(accept(), `no ${printable(request.name)} here: this server only plays inktris (ssh -t, no command)`);
      });
      session.on('exec', (accept) => {
        refuseChannel(accept(), 'no commands here: connect without one to play (ssh -p PORT HOST)');
      });
      session.on('shell', (accept) => {
        const channel = accept();
        const problem = nameProblem(player);
        if (refusal !== null) return refuseChannel(channel, refusal);
        if (problem !== null) return refuseChannel(channel, `${problem}; connect as another user (ssh NAME@HOST)`, 2);
        if (pty === null) return refuseChannel(channel, 'a terminal is needed to play: connect with ssh -t');
        terminal = play(channel, pty);
      });
    }

    function play(channel: ServerChannel, pty: PseudoTtyInfo): ChannelTerminal {
      const listeners = new Set<(interruption: Interruption) => void>();
      let idle: NodeJS.Timeout | undefined;
      let goodbye: string | null = null;
      const end = (message: string | null) => {
        goodbye ??= message;
        for (const listener of listeners) listener({ kind: 'signal', signal: 'SIGHUP' });
      };
      const idleMs = config.idleMinutes * 60_000;
      const restartIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(() => end(`closed after ${config.idleMinutes} minutes without a key`), idleMs);
        idle.unref();
      };
      const terminal = channelTerminal(channel, { columns: pty.cols, rows: pty.rows, now: () => performance.now(), onKeys: restartIdle });
      restartIdle();
      const feed = new LiveFeed();
      const entry = sessions.add({ player, address, started: config.now(), feed, close: (message) => end(message) });
      const gone = () => end(null);
      closers.add(gone);
      channel.on('close', gone);
      channel.on('error', () => {});
      config.log(`session ${entry.id}: ${player} from ${address}`);
      runSession({
        id: entry.id,
        sessions,
        player,
        terminal,
        term: pty.term ?? '',
        board: config.board,
        now: config.now,
        randomSeed: config.randomSeed,
        seed: config.seed,
        readFile: config.readFile,
        fileSize: config.fileSize,
        lobby,
        interruptions: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      })
        .catch((error: unknown) => {
          config.log(
            `session ${entry.id}: ended by an error: ${printable(error instanceof Error ? (error.stack ?? error.message) : String(error))}`,
          );
          goodbye ??= 'the session ended on an error of the server; sorry';
        })
        .finally(() => {
          clearTimeout(idle);
          sessions.remove(entry.id);
          feed.end(`${player} has left the server`);
          closers.delete(gone);
          terminal.destroy();
          try {
            if (goodbye !== null) channel.write(`\r\ninktris: ${goodbye}\r\n`);
            channel.exit(0);
            channel.end();
          } catch {
            // The client is gone.
          }
          config.log(`session ${entry.id}: ${player} left`);
        });
      return terminal;
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.listen, () => {
      server.off('error', reject);
      server.on('error', (error: Error) => config.log(`server: ${error.message}`));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      resolve({
        port,
        sessions,
        stop(message) {
          for (const entry of sessions.list()) entry.close(message);
          return new Promise((done) => {
            server.close(() => done());
            // The sessions' goodbyes are written; then every connection is closed.
            setTimeout(() => {
              for (const client of connections) client.end();
            }, 200).unref();
          });
        },
      });
    });
  });
}
