/** The channel as a terminal: keys limited to 100 a second (the excess dropped), CR LF for the screen, the pty's size and resizes. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { channelTerminal, KeyBudget, limitKeys } from '../../src/server/channel-terminal.js';
import { nameProblem, parseAuthorizedKeys } from '../../src/server/server.js';

class FakeChannel extends EventEmitter {
  written: string[] = [];
  write(data: string | Uint8Array): boolean {
    this.written.push(String(data));
    return true;
  }
}

describe('the key budget', () => {
  it('lets 100 keys through in a second and drops the rest, then lets more through a second later', () => {
    const budget = new KeyBudget();
    const flood = '\u001b[D'.repeat(150) + 'x'.repeat(50);
    const first = limitKeys(flood, budget, 0);
    expect(first.passed).toBe('\u001b[D'.repeat(100));
    expect(first.dropped).toBe(100);
    expect(limitKeys('a', budget, 999).passed).toBe('');
    expect(limitKeys('ab', budget, 1000).passed).toBe('ab');
  });

  it('counts an escape sequence as one key, never splitting it', () => {
    const budget = new KeyBudget(2);
    expect(limitKeys('\u001b[1;5C\u001bOP\u001b[97;1:3u', budget, 0).passed).toBe('\u001b[1;5C\u001bOP');
  });
});

describe('channelTerminal', () => {
  it('writes CR LF, reports the size, emits resize, and feeds what passed the budget to stdin', async () => {
    const channel = new FakeChannel();
    let now = 0;
    let keys = 0;
    const terminal = channelTerminal(channel, { columns: 100, rows: 30, now: () => now, onKeys: () => keys++ });
    terminal.stdout.write('a\nb');
    expect(channel.written.join('')).toBe('a\r\nb');
    expect([terminal.stdout.columns, terminal.stdout.rows]).toEqual([100, 30]);
    let resized = 0;
    terminal.stdout.on('resize', () => resized++);
    terminal.resize(40, 12);
    expect([terminal.stdout.columns, terminal.stdout.rows, resized]).toEqual([40, 12, 1]);
    expect(terminal.stdin.isTTY).toBe(true);
    // Colours from the pty's TERM, as Node reads it.
    expect(terminal.stdout.getColorDepth({ TERM: 'xterm-256color' })).toBe(8);
    expect(terminal.stdout.getColorDepth({ TERM: 'dumb' })).toBe(1);
    terminal.stdin.setRawMode(true);
    expect(terminal.stdin.isRaw).toBe(true);
    const read: string[] = [];
    terminal.stdin.on('data', (d: string) => read.push(String(d)));
    channel.emit('data', Buffer.from('q'.repeat(120)));
    now = 2000;
    // A UTF-8 character cut between two packets arrives whole.
    channel.emit('data', Buffer.from([0xc3]));
    channel.emit('data', Buffer.from([0xa9]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(read.join('')).toBe(`${'q'.repeat(100)}é`);
    expect(keys).toBe(2);
    terminal.destroy();
  });
});

describe('player names and authorized keys', () => {
  it('takes a printable name of at most 16 characters only', () => {
    expect(nameProblem('ann')).toBeNull();
    expect(nameProblem('a'.repeat(16))).toBeNull();
    expect(nameProblem('a'.repeat(17))).toMatch(/longer than 16/);
    expect(nameProblem('\u001b]0;x\u0007')).toMatch(/not printable/);
    expect(nameProblem('a\u202eb')).toMatch(/not printable/);
    expect(nameProblem('')).toMatch(/empty/);
  });

  it('reads OpenSSH authorized_keys lines, options and comments included, and names the lines that are no key', () => {
    const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB2yV5XeKQvF0m6mJdQ6f3n0zq6l0aQp9tGmXhxZ0Yk7 ann@host';
    const parsed = parseAuthorizedKeys(`# players\n\n${key}\nno-pty,from="10.0.0.1" ${key}\nnonsense\n`);
    expect(parsed.keys).toHaveLength(2);
    expect(parsed.keys[0]!.type).toBe('ssh-ed25519');
    expect(parsed.problems).toEqual(['line 5']);
  });
});
