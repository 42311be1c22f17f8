/**
 * The contract of src/ui/terminal/ink-protocol.ts against real Ink (as
 * patched in patches/, what ships): a small app rendered with Ink's
 * `render` to a fake terminal with the options the game uses, taken
 * through a start, commits, a resize, a suspend and resume and the end,
 * and every byte Ink writes checked against what the painter and the
 * keyboard protocol count on. A change in how Ink writes fails it here.
 */
import { Box, render, type SuspendTerminal, Text, useApp, useInput } from 'ink';
import { createElement as h, useLayoutEffect } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { KeyboardProtocol } from '../../../src/ui/terminal/keyboard-protocol.js';
import {
  BEGIN_FRAME,
  END_FRAME,
  KITTY_QUERY,
  KITTY_STACK_SEQUENCE,
  MODES_ONLY,
  RESTORE_CURSOR,
  SAVE_CURSOR,
} from '../../../src/ui/terminal/ink-protocol.js';
import { fakeTerminal } from '../fake-terminal.js';

/** The parts of the session, in order. */
type Step = 'start' | 'commit' | 'resize' | 'suspend' | 'resume' | 'end';

/** What happened, in order: a write of Ink's to the terminal, or a commit's layout effect. */
type Entry = { readonly step: Step } & ({ readonly write: string } | { readonly effect: number });

/** What the game asks of Ink's kitty keyboard protocol (src/ui/run-play.tsx): flags 1 | 2 | 8 | 16. */
const KITTY_PUSH = '\u001B[>27u';

const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the probe tells the session: Ink's hand-over of the terminal, and each commit's layout effect. */
interface ProbeHooks {
  readonly app: (suspendTerminal: SuspendTerminal) => void;
  readonly effect: (value: number) => void;
}

/** A bordered box with a coloured bar `value` cells long and its number; it reads keys, as the game does. */
function Probe({ value, hooks }: { value: number; hooks: ProbeHooks }) {
  useInput(() => {});
  const { suspendTerminal } = useApp();
  useLayoutEffect(() => {
    hooks.app(suspendTerminal);
  }, [hooks, suspendTerminal]);
  useLayoutEffect(() => {
    hooks.effect(value);
  }, [hooks, value]);
  return h(Box, { borderStyle: 'single' }, h(Text, { color: 'red' }, '█'.repeat(value)), h(Text, null, ` value ${value}`));
}

/** One run of a small app through everything the game's screen goes through. */
async function session() {
  const { stdin, stdout, stderr } = fakeTerminal();
  // The terminal speaks the kitty keyboard protocol: it answers Ink's query.
  stdout.kitty = stdin;
  const entries: Entry[] = [];
  let step: Step = 'start';
  const write = stdout.write.bind(stdout);
  stdout.write = (chunk: string, callback?: () => void) => {
    entries.push({ step, write: chunk });
    return write(chunk, callback);
  };
  const keyboard = new KeyboardProtocol();
  const reportsEvents: Partial<Record<Step | 'away', boolean>> = {};
  let suspendTerminal: SuspendTerminal | null = null;
  const hooks: ProbeHooks = {
    app: (suspend) => {
      suspendTerminal = suspend;
    },
    effect: (value) => {
      entries.push({ step, effect: value });
    },
  };
  const probe = (value: number) => h(Probe, { value, hooks });

  const instance = render(probe(1), {
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: keyboard.watch(stdout as unknown as NodeJS.WriteStream),
    stderr: stderr as unknown as NodeJS.WriteStream,
    interactive: true,
    alternateScreen: true,
    incrementalRendering: true,
    maxFps: 60,
    kittyKeyboard: {
      mode: 'auto',
      flags: ['disambiguateEscapeCodes', 'reportEventTypes', 'reportAllKeysAsEscapeCodes', 'reportAssociatedText'],
    },
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await vi.waitFor(() => expect(keyboard.reportsEvents).toBe(true));
  await settle();
  reportsEvents.start = keyboard.reportsEvents;

  step = 'commit';
  // After a quiet spell, then at once again (within 1/maxFps of that frame).
  instance.rerender(probe(2));
  instance.rerender(probe(3));
  await settle();

  step = 'resize';
  stdout.columns = 60;
  stdout.emit('resize');
  await settle();

  step = 'suspend';
  await suspendTerminal!(async () => {
    reportsEvents.away = keyboard.reportsEvents;
    step = 'resume';
  });
  await settle();
  reportsEvents.resume = keyboard.reportsEvents;

  step = 'end';
  instance.unmount();
  await instance.waitUntilExit();
  reportsEvents.end = keyboard.reportsEvents;
  return { entries, reportsEvents };
}

/** A frame Ink wrote: its writes, BEGIN_FRAME to END_FRAME, and the step it was written in. */
interface Frame {
  readonly step: Step;
  readonly text: string;
  /** Where in the session's entries its last write is. */
  readonly end: number;
}

/** Ink's writes split into frames and what it wrote between them; throws where a frame is not framed as the painter reads it. */
function frames(entries: readonly Entry[]) {
  const found: Frame[] = [];
  const between: { step: Step; text: string }[] = [];
  let open: { step: Step; parts: string[] } | null = null;
  entries.forEach((entry, index) => {
    if (!('write' in entry)) return;
    const text = entry.write;
    if (open === null && text.startsWith(BEGIN_FRAME)) open = { step: entry.step, parts: [] };
    if (open === null) {
      between.push({ step: entry.step, text });
      return;
    }
    open.parts.push(text);
    if (text.endsWith(END_FRAME)) {
      found.push({ step: open.step, text: open.parts.join(''), end: index });
      open = null;
    }
  });
  expect(open, 'a frame Ink began and never ended').toBeNull();
  return { frames: found, between };
}

let run: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  run = await session();
});

describe("Ink's output protocol (src/ui/terminal/ink-protocol.ts)", () => {
  it('frames each frame as one synchronized update, BEGIN_FRAME to END_FRAME, never nested', () => {
    const split = frames(run.entries);
    for (const frame of split.frames) {
      const inner = frame.text.slice(BEGIN_FRAME.length, -END_FRAME.length);
      expect(inner).not.toContain(BEGIN_FRAME);
      expect(inner).not.toContain(END_FRAME);
    }
    for (const { text } of split.between) {
      expect(text).not.toContain(BEGIN_FRAME);
      expect(text).not.toContain(END_FRAME);
    }
    // The first frame, two commits, the resize and the resume each draw one.
    expect(split.frames.map((frame) => frame.step)).toEqual(['start', 'commit', 'commit', 'resize', 'resume']);
    expect(split.frames.map((frame) => /value (\d)/.exec(frame.text)?.[1])).toEqual(['1', '2', '3', '3', '3']);
  });

  it('never saves or restores the cursor (ESC 7, ESC 8), which the painter uses around its own cells', () => {
    const all = run.entries.map((entry) => ('write' in entry ? entry.write : '')).join('');
    expect(all.length).toBeGreaterThan(1000);
    expect(all).not.toContain(SAVE_CURSOR);
    expect(all).not.toContain(RESTORE_CURSOR);
  });

  it('writes only modes between frames while the app runs, and an erase (which MODES_ONLY tells apart) when resized or handed back', () => {
    const { between } = frames(run.entries);
    const drawing = (step: Step) => between.filter((write) => write.step === step && !MODES_ONLY.test(write.text));
    expect(drawing('start')).toEqual([]);
    expect(drawing('commit')).toEqual([]);
    expect(drawing('resume')).toEqual([]);
    // The resize and the suspend each erase the frame before anything else is drawn.
    for (const step of ['resize', 'suspend'] as const) {
      expect(drawing(step).length, step).toBeGreaterThan(0);
      for (const { text } of drawing(step)) expect(text).toMatch(/\u001B\[2K/);
    }
    // What the start writes besides its frame: the alternate screen, the cursor hidden, the query, the push.
    const modes = between.filter((write) => write.step === 'start').map((write) => write.text);
    expect(modes).toEqual(expect.arrayContaining(['\u001B[?1049h', '\u001B[?25l', KITTY_QUERY, KITTY_PUSH]));
    for (const text of modes) expect(MODES_ONLY.test(text), JSON.stringify(text)).toBe(true);
  });

  it('pushes the kitty flags once answered, pops them when it gives the terminal up, and pushes them again on resume', () => {
    const stack = run.entries
      .flatMap((entry) => ('write' in entry ? [...entry.write.matchAll(KITTY_STACK_SEQUENCE)].map((m) => `${entry.step} ${m[0]}`) : []))
      .map((text) => text.replace('\u001B', 'ESC'));
    expect(stack).toEqual(['start ESC[>27u', 'suspend ESC[<u', 'resume ESC[>27u', 'end ESC[<u']);
    // What KeyboardProtocol, following the same writes, makes of them.
    expect(run.reportsEvents).toEqual({ start: true, away: false, resume: true, end: false });
  });

  it("writes a commit's frame before the commit's layout effects, or, within 1/maxFps of its last frame, queues it after them", () => {
    const { frames: found } = frames(run.entries);
    const effectAt = (value: number) => run.entries.findIndex((entry) => 'effect' in entry && entry.effect === value);
    const frameEnd = (value: number) => found.find((frame) => frame.text.includes(`value ${value}`))!.end;
    // The first render and the commit after a quiet spell: on the terminal before their effects.
    expect(frameEnd(1)).toBeLessThan(effectAt(1));
    expect(frameEnd(2)).toBeLessThan(effectAt(2));
    // The commit right after it: its effects first, its frame when Ink's throttle lets it out.
    expect(frameEnd(3)).toBeGreaterThan(effectAt(3));
  });
});
