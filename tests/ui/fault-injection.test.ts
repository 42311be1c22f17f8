/** The INKTRIS_FAULT test hook: armed by name, fires only once a piece has locked. */
import { afterEach, describe, expect, it } from 'vitest';
import { createGame, inputAction, step } from '../../src/core/index.js';
import { armFault, injectFault } from '../../src/ui/fault-injection.js';

afterEach(() => armFault(undefined));

describe('fault injection', () => {
  const fresh = createGame({ seed: 1 });
  const dropped = step(fresh, inputAction('hardDrop'));

  it('does nothing unarmed, or armed with a name it does not know', () => {
    expect(() => injectFault('render', dropped)).not.toThrow();
    armFault('everything');
    expect(() => injectFault('timer', dropped)).not.toThrow();
  });

  it.each(['render', 'timer'] as const)('armed with %s, throws there once a piece has locked, and nowhere else', (fault) => {
    armFault(fault);
    expect(() => injectFault(fault, fresh)).not.toThrow();
    expect(() => injectFault(fault, dropped)).toThrow(`injected ${fault} fault (INKTRIS_FAULT=${fault})`);
    expect(() => injectFault(fault === 'render' ? 'timer' : 'render', dropped)).not.toThrow();
  });
});
