/** The INKTRIS_FAULT test hooks: made by name, fire only once a piece has locked. */
import { describe, expect, it } from 'vitest';
import { faultHooks } from '../../src/cli/fault-hooks.js';
import { createGame, inputAction, step } from '../../src/core/index.js';
import { frameOf } from '../../src/ui/frame/frame-model.js';
import { resolveDisplay } from '../../src/ui/frame/theme.js';
import { stillView } from '../../src/ui/drivers/screen.js';

describe('fault hooks', () => {
  const fresh = stillView(createGame({ seed: 1 }));
  const dropped = stillView(step(fresh.game, inputAction('hardDrop')));
  const frame = frameOf(dropped, resolveDisplay(), { columns: 80, rows: 24 });

  it('are none unset, or for a name they do not know', () => {
    expect(faultHooks(undefined)).toBeUndefined();
    expect(faultHooks('everything')).toBeUndefined();
  });

  it('armed with timer, throw at a wake once a piece has locked, and never at a render', () => {
    const hooks = faultHooks('timer')!;
    expect(() => hooks.wake!(fresh)).not.toThrow();
    expect(() => hooks.render!(frame)).not.toThrow();
    expect(() => hooks.wake!(dropped)).toThrow('injected timer fault (INKTRIS_FAULT=timer)');
    expect(() => hooks.render!(frame)).not.toThrow();
  });

  it('armed with render, throw at the first render after a wake saw a piece locked, and never at a wake', () => {
    const hooks = faultHooks('render')!;
    hooks.wake!(fresh);
    expect(() => hooks.render!(frame)).not.toThrow();
    expect(() => hooks.wake!(dropped)).not.toThrow();
    expect(() => hooks.render!(frame)).toThrow('injected render fault (INKTRIS_FAULT=render)');
  });
});
