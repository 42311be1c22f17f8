/**
 * The front door's screens as plain text (colour off, fixed sizes): the
 * menu, Settings in a window of its rows, Watch, Scores; the frame model's
 * window, its compare, and no fields for the painter.
 */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { Screen } from '../../../src/ui/components/Screen.js';
import type { PlayerSettings } from '../../../src/ui/drivers/app-io.js';
import { scoresView, watchView } from '../../../src/ui/drivers/lists.js';
import { DEFAULT_CHOICES, mainMenu, mainMenuView } from '../../../src/ui/drivers/menu.js';
import type { MenuView } from '../../../src/ui/drivers/menu-view.js';
import { settingsModel, settingsView } from '../../../src/ui/drivers/settings.js';
import { frameOf, sameFrame } from '../../../src/ui/frame/frame-model.js';
import type { TerminalSize } from '../../../src/ui/frame/layout.js';
import { resolveDisplay } from '../../../src/ui/frame/theme.js';
import { DEFAULT_HANDLING } from '../../../src/ui/input/handling.js';
import { DEFAULT_KEYMAP } from '../../../src/ui/input/keymap.js';
import { screenFields } from '../../../src/ui/terminal/screen-fields.js';

afterEach(() => cleanup());

const SETTINGS: PlayerSettings = {
  keys: DEFAULT_KEYMAP,
  ...DEFAULT_HANDLING,
  preview: 5,
  ghost: true,
  color: true,
  ascii: false,
  big: false,
};
const SMALL: TerminalSize = { columns: 80, rows: 24 };

/** The screen of `view` as text, trailing spaces trimmed. */
function text(view: MenuView, size: TerminalSize = SMALL, ascii = false): string {
  const display = resolveDisplay({ ascii });
  const { lastFrame } = render(<Screen frame={frameOf(view, display, size)} display={display} />);
  const out = (lastFrame() ?? '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
  expect(out.trim()).not.toBe('');
  return out;
}

describe('the front door screens', () => {
  it('draws the menu centred, the selected item marked', () => {
    const screen = text(mainMenuView(mainMenu(DEFAULT_CHOICES)));
    expect(screen).toMatchSnapshot();
    expect(screen).toContain('> Marathon');
    expect(screen).toContain('Rules       < nes >');
    expect(screen.split('\n')).toHaveLength(24);
  });

  it('draws Settings whole at 80 x 24, and in a window of its rows around the selected one in a smaller terminal', () => {
    const at = { ...settingsModel(SETTINGS), selected: 13 };
    const whole = text(settingsView(at));
    expect(whole).toMatchSnapshot();
    expect(whole).toContain('> ARR          < 2 ticks (33 ms) >');
    expect(whole).toContain('move left');
    expect(whole).toContain('ASCII        < off >');
    // The last row too, in the row under the list: 20 rows and the title, message and footer fill 24.
    expect(whole).toContain('Big cells    < off >');
    expect(whole.split('\n')).toHaveLength(24);
    expect(whole).not.toContain('...');
    const windowed = text(settingsView(at), { columns: 60, rows: 22 });
    expect(windowed).toMatchSnapshot();
    expect(windowed).toContain('> ARR          < 2 ticks (33 ms) >');
    expect(windowed).toContain('...');
    expect(windowed).not.toContain('move left');
  });

  it('draws the key being rebound, and the arrows of the footer in ASCII', () => {
    const capturing = { ...settingsModel(SETTINGS), selected: 4, capturing: 'cw' as const };
    const screen = text(settingsView(capturing, true), SMALL, true);
    expect(screen).toContain('> rotate right [press a key]');
    expect(screen).toContain('press the new key for rotate right (esc: keep it)');
    expect(text(settingsView(settingsModel(SETTINGS), true), SMALL, true)).toContain(
      'up/down choose  enter rebind  left/right change  esc back',
    );
  });

  it('draws Watch and Scores', () => {
    const replays = [
      { name: 'b.json', label: '2026-12-02 07:10  seed 2' },
      { name: 'a.json', label: '2026-12-01 20:00  seed 1' },
    ];
    expect(text(watchView({ selected: 1 }, replays))).toMatchSnapshot();
    const sheets = [
      { title: 'MARATHON', lines: ['   #     SCORE  LINES  LEVEL  START  DATE', '   1      1200     12      1      0  2026-12-02 07:10'] },
    ];
    expect(text(scoresView({ at: 0 }, sheets))).toMatchSnapshot();
  });

  it('says the terminal is too small below the game screen size', () => {
    expect(text(mainMenuView(mainMenu(DEFAULT_CHOICES)), { columns: 40, rows: 12 })).toContain('Terminal too small');
  });

  it('has no fields for the painter, and compares by what it shows', () => {
    const display = resolveDisplay({});
    const menu = mainMenu(DEFAULT_CHOICES);
    const a = frameOf(mainMenuView(menu), display, SMALL);
    expect(screenFields(a, display)).toBeNull();
    expect(sameFrame(a, frameOf(mainMenuView(menu), display, SMALL))).toBe(true);
    expect(sameFrame(a, frameOf(mainMenuView({ ...menu, selected: 1 }), display, SMALL))).toBe(false);
  });
});
