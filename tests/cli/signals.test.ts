/** The process's signals as the screen commands use them, on a fake process. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { dieOf, ENDING_SIGNALS, holdSignals, interruptionsOf, stopperOf, type ProcessSignals } from '../../src/cli/signals.js';
import type { Interruption } from '../../src/ui/terminal/run-screen.js';

/** A process whose signals the test sends and whose kills it counts. */
function fakeProcess() {
  const killed: [number, NodeJS.Signals][] = [];
  const emitter = new EventEmitter();
  const target: ProcessSignals = Object.assign(emitter, {
    pid: 4242,
    kill: (pid: number, signal: NodeJS.Signals) => void killed.push([pid, signal]),
  });
  return { target, emitter, killed };
}

describe('dying of a signal', () => {
  it('takes every listener of the signal off first, then sends it to the process itself', () => {
    const { target, emitter, killed } = fakeProcess();
    emitter.on('SIGTERM', () => {});
    emitter.on('SIGTERM', () => {});
    dieOf(target, 'SIGTERM');
    expect(emitter.listenerCount('SIGTERM')).toBe(0);
    expect(killed).toEqual([[4242, 'SIGTERM']]);
  });
});

describe('holding signals while the files are finished', () => {
  it('lets two signals wait and dies of the third; the release leaves nothing behind', () => {
    const { target, emitter, killed } = fakeProcess();
    const release = holdSignals(target);
    emitter.emit('SIGHUP', 'SIGHUP');
    emitter.emit('SIGHUP', 'SIGHUP');
    expect(killed).toEqual([]);
    emitter.emit('SIGHUP', 'SIGHUP');
    expect(killed).toEqual([[4242, 'SIGHUP']]);
    release();
    for (const signal of ENDING_SIGNALS) expect(emitter.listenerCount(signal)).toBe(0);
  });
});

describe('interruptions', () => {
  it('tells a screen of the ending signals, SIGTSTP and errors nobody caught, until unsubscribed', () => {
    const { target, emitter } = fakeProcess();
    const heard: Interruption[] = [];
    const unsubscribe = interruptionsOf(target)((interruption) => heard.push(interruption));
    const error = new Error('boom');
    emitter.emit('SIGINT', 'SIGINT');
    emitter.emit('SIGTSTP', 'SIGTSTP');
    emitter.emit('uncaughtException', error);
    expect(heard).toEqual([{ kind: 'signal', signal: 'SIGINT' }, { kind: 'suspend' }, { kind: 'error', error }]);
    unsubscribe();
    for (const event of [...ENDING_SIGNALS, 'SIGTSTP', 'uncaughtException', 'unhandledRejection']) {
      expect(emitter.listenerCount(event)).toBe(0);
    }
  });

  it('stops the whole process group with SIGSTOP and settles on SIGCONT', async () => {
    const { target, emitter, killed } = fakeProcess();
    let settled = false;
    const stopped = stopperOf(target)().then(() => {
      settled = true;
    });
    expect(killed).toEqual([[0, 'SIGSTOP']]);
    await Promise.resolve();
    expect(settled).toBe(false);
    emitter.emit('SIGCONT', 'SIGCONT');
    await stopped;
    expect(settled).toBe(true);
  });
});
