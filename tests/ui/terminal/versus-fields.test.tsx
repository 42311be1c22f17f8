/**
 * The painter's fields on the versus screen: the versus frame drawn with its
 * fields blank and overlaid with `screenFields` is the frame drawn whole,
 * colours included; and in the running app, watching a match file, the
 * terminal shows the whole frame of the view after every tick and key, a
 * fall of the pieces costing a few bytes.
 */
import { renderToString } from 'ink';
import { describe, expect, it, vi } from 'vitest';
import { indexMatch } from '../../../src/core/index.js';
import { Screen } from '../../../src/ui/components/Screen.js';
import { MATCH_REPLAY, matchReplayModel, type MatchReplayModel } from '../../../src/ui/drivers/match-replay.js';
import type { Driver, ScreenView } from '../../../src/ui/drivers/screen.js';
import type { VersusView } from '../../../src/ui/drivers/versus-view.js';
import { frameOf } from '../../../src/ui/frame/frame-model.js';
import type { TerminalSize } from '../../../src/ui/frame/layout.js';
import { PALETTE_256, resolveDisplay, type DisplayOptions } from '../../../src/ui/frame/theme.js';
import { runScreen } from '../../../src/ui/terminal/run-screen.js';
import { drawFields, screenFields } from '../../../src/ui/terminal/screen-fields.js';
import { fakeTerminal, fakeTime, withChalkLevel256 } from '../helpers.js';
import { fixtureMatch, versusFixture, versusViewOf } from '../versus-helpers.js';
import { VtScreen } from '../vt-screen.js';

withChalkLevel256();

const COLOR: DisplayOptions = { color: PALETTE_256 };

function inkScreen(view: ScreenView, options: DisplayOptions, size: TerminalSize, fieldsBlank: boolean): VtScreen {
  const display = resolveDisplay(options);
  const text = renderToString(<Screen frame={frameOf(view, display, size)} display={display} fieldsBlank={fieldsBlank} />, {
    columns: size.columns,
  });
  const screen = new VtScreen(size.columns, size.rows);
  screen.write(text);
  return screen;
}

function bothWays(view: VersusView, options: DisplayOptions, size: TerminalSize) {
  const display = resolveDisplay(options);
  const overlaid = inkScreen(view, options, size, true);
  const fields = screenFields(frameOf(view, display, size), display);
  if (fields) overlaid.write(drawFields(null, fields));
  return { whole: inkScreen(view, options, size, false).picture(), overlaid: overlaid.picture(), fields };
}

describe('the versus fields', () => {
  it.each([
    ['mid-match', versusViewOf(fixtureMatch(400)), COLOR, { columns: 120, rows: 30 }],
    ['garbage waiting', versusViewOf(fixtureMatch(310)), COLOR, { columns: 108, rows: 24 }],
    ['the countdown', versusViewOf(fixtureMatch(100), { countdown: '1' }), COLOR, { columns: 130, rows: 26 }],
    ['paused', versusViewOf(fixtureMatch(100), { paused: true }), COLOR, { columns: 108, rows: 24 }],
    ['the result box', versusViewOf(fixtureMatch(), { rematch: true }), COLOR, { columns: 120, rows: 30 }],
    [
      'watching, the speed and clock as fields',
      versusViewOf(fixtureMatch(400), {
        keymaps: [],
        status: { speed: 2, paused: true, ended: false, tick: 401, endTick: 748, pieces: 40, totalPieces: 74 },
      }),
      COLOR,
      { columns: 108, rows: 24 },
    ],
    ['ASCII, no colour', versusViewOf(fixtureMatch(600)), { ascii: true }, { columns: 110, rows: 25 }],
    ['big cells', versusViewOf(fixtureMatch(400)), { ...COLOR, big: true }, { columns: 170, rows: 50 }],
  ] as const)('overlaid on the blank frame, are the whole frame (%s)', (_, view, options, size) => {
    const { whole, overlaid, fields } = bothWays(view, options, size);
    expect(fields).not.toBeNull();
    expect(overlaid).toEqual(whole);
  });

  it("are both boards' rows and five numbers each; the boards none under a panel, the numbers none under the result box", () => {
    const display = resolveDisplay(COLOR);
    const size = { columns: 108, rows: 24 };
    const live = screenFields(frameOf(versusViewOf(fixtureMatch(400)), display, size), display)!;
    // Per side: 22 board rows, 5 numbers, a watched match's speed and clock (none while playing).
    expect(live).toHaveLength(2 * (22 + 5 + 2));
    expect(live.filter((field) => field !== null)).toHaveLength(2 * (22 + 5));
    // Player 2's board starts 56 columns right of player 1's.
    expect(live[22 + 5 + 2]!.column - live[0]!.column).toBe(56);
    const status = { speed: 1, paused: false, ended: false, tick: 401, endTick: 748, pieces: 40, totalPieces: 74 };
    const watched = screenFields(frameOf(versusViewOf(fixtureMatch(400), { keymaps: [], status }), display, size), display)!;
    expect([watched[27]?.text, watched[28]?.text]).toEqual(['x1        ', '0:06/0:12 ']);
    expect(watched[56]).toBeNull();
    const paused = screenFields(frameOf(versusViewOf(fixtureMatch(400), { paused: true }), display, size), display)!;
    expect(paused.filter((field) => field !== null)).toHaveLength(10);
    const ended = screenFields(frameOf(versusViewOf(fixtureMatch()), display, size), display)!;
    expect(ended.filter((field) => field !== null)).toHaveLength(0);
  });
});

describe('the painter watching a match file', () => {
  function start() {
    const time = fakeTime();
    const terminal = fakeTerminal();
    terminal.stdout.columns = 120;
    terminal.stdout.rows = 30;
    // The model the loop holds: the last one the driver made.
    let model = matchReplayModel(indexMatch(versusFixture()));
    const driver: Driver<MatchReplayModel> = {
      ...MATCH_REPLAY,
      reduce: (m, event) => {
        const next = MATCH_REPLAY.reduce(m, event);
        model = next.model;
        return next;
      },
    };
    const done = runScreen({ display: COLOR, terminal: terminal.streams, time, driver, model });
    const screen = new VtScreen(120, 30);
    let seen = 0;
    const settle = async (): Promise<string> => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const written = terminal.stdout.text.slice(seen);
      seen = terminal.stdout.text.length;
      screen.write(written);
      return written;
    };
    return { terminal, time, done, settle, screen, model: () => model };
  }

  function whole(view: ScreenView): string[] {
    const display = resolveDisplay(COLOR);
    const screen = new VtScreen(120, 30);
    screen.write(renderToString(<Screen frame={frameOf(view, display, { columns: 120, rows: 30 })} display={display} />, { columns: 120 }));
    return screen.picture();
  }

  it('keeps the terminal showing the whole frame of the view through ticks, steps, pause, help and speed, to the result', async () => {
    const t = start();
    await vi.waitFor(() => expect(t.terminal.stdout.text).toContain('NEXT'));
    await t.settle();
    const check = async (label: string) => {
      await vi.waitFor(
        async () => {
          await t.settle();
          expect(t.screen.picture(), label).toEqual(whole(MATCH_REPLAY.view(t.model())));
        },
        { timeout: 3000, interval: 0 },
      );
    };
    await check('first frame');
    const steps: (() => void)[] = [
      () => t.time.advance(250),
      () => t.time.advance(900),
      () => t.terminal.stdin.type(' '),
      () => t.terminal.stdin.type('\u001B[C'),
      () => t.terminal.stdin.type('\u001B[C'),
      () => t.terminal.stdin.type('\u001B[D'),
      () => t.terminal.stdin.type('?'),
      () => t.terminal.stdin.type('?'),
      () => t.terminal.stdin.type(' '),
      () => t.time.advance(3000),
      () => t.terminal.stdin.type('+'),
      () => t.time.advance(4000),
      () => t.time.advance(10_000),
    ];
    for (const [i, step] of steps.entries()) {
      step();
      await check(`step ${i}`);
    }
    expect((MATCH_REPLAY.view(t.model()) as VersusView).winner).toBe(1);
    t.terminal.stdin.type('q');
    await expect(t.done).resolves.toMatchObject({ reason: 'quit' });
  }, 30_000);
});
