/** A signal while play starts: no empty replay is left among the kept ones, and the program still ends of the signal. */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReplay } from '../../src/core/index.js';
import { createGameLog, openArchive } from '../../src/cli/play-recording.js';
import { guardStart, type SignalTarget } from '../../src/cli/start-guard.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inktris-guard-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
const GAME = { seed: 3, startLevel: 0, mode: 'marathon', queue: '' } as const;

/** A process whose signals the test sends and whose deaths it counts. */
function fakeProcess(): SignalTarget & { emitter: EventEmitter; killed: NodeJS.Signals[] } {
  const emitter = new EventEmitter();
  const killed: NodeJS.Signals[] = [];
  return {
    emitter,
    killed,
    pid: 4242,
    on: (signal, listener) => emitter.on(signal, listener),
    off: (signal, listener) => emitter.off(signal, listener),
    removeAllListeners: (signal) => emitter.removeAllListeners(signal),
    kill: (_pid, signal) => killed.push(signal),
  };
}

async function startedLog(record?: string) {
  const log = createGameLog({
    record,
    archive: await openArchive(join(dir, 'data')),
    version: '1',
    now: () => new Date('2026-01-02T03:04:05.678Z'),
  });
  return log;
}

describe('a signal before the screen is up', () => {
  it.each(SIGNALS)('%s removes the archive copy of the game that never began, and ends the program of it', async (signal) => {
    const log = await startedLog();
    const target = fakeProcess();
    guardStart(log, SIGNALS, target);
    log.start(GAME);
    expect(readdirSync(join(dir, 'data', 'replays'))).toHaveLength(1);
    target.emitter.emit(signal, signal);
    expect(readdirSync(join(dir, 'data', 'replays'))).toEqual([]);
    expect(target.killed).toEqual([signal]);
    // Released: a second signal is not the guard's.
    expect(target.emitter.listenerCount(signal)).toBe(0);
  });

  it('keeps --record FILE, finished and valid, as the player asked for it', async () => {
    const record = join(dir, 'game.json');
    const log = await startedLog(record);
    const target = fakeProcess();
    guardStart(log, SIGNALS, target);
    log.start(GAME);
    target.emitter.emit('SIGTERM', 'SIGTERM');
    const read = parseReplay(readFileSync(record, 'utf8'), record);
    expect(read.ok && read.replay.seed).toBe(3);
    expect(readdirSync(join(dir, 'data', 'replays'))).toEqual([]);
  });

  it('leaves a game that has begun alone (an input recorded)', async () => {
    const log = await startedLog();
    log.start(GAME);
    log.input(1, 'left');
    log.abandon();
    expect(readdirSync(join(dir, 'data', 'replays'))).toHaveLength(1);
  });

  it('is off once released: the screen has the signals', async () => {
    const log = await startedLog();
    const target = fakeProcess();
    const release = guardStart(log, SIGNALS, target);
    log.start(GAME);
    release();
    for (const signal of SIGNALS) expect(target.emitter.listenerCount(signal)).toBe(0);
    expect(readdirSync(join(dir, 'data', 'replays'))).toHaveLength(1);
  });
});
