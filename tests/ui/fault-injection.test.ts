/** The INKTRIS_FAULT test hook: named by the variable, fires only once a piece has locked. */
import { describe, expect, it } from 'vitest';
import { createGame, inputAction, step } from '../../src/core/index.js';
import { faultNamed, injectFault } from '../../src/ui/fault-injection.js';

describe('fault injection', () => {
  const fresh = createGame({ seed: 1 });
  const dropped = step(fresh, inputAction('hardDrop'));

  it('does nothing unarmed, or armed with a name it does not know', () => {
    expect(() => injectFault(faultNamed(undefined), 'render', dropped)).not.toThrow();
    expect(faultNamed('everything')).toBeNull();
    expect(() => injectFault(faultNamed('everything'), 'timer', dropped)).not.toThrow();
  });

  it.each(['render', 'timer'] as const)('armed with %s, throws there once a piece has locked, and nowhere else', (fault) => {
    const armed = faultNamed(fault);
    expect(() => injectFault(armed, fault, fresh)).not.toThrow();
    expect(() => injectFault(armed, fault, dropped)).toThrow(`injected ${fault} fault (INKTRIS_FAULT=${fault})`);
    expect(() => injectFault(armed, fault === 'render' ? 'timer' : 'render', dropped)).not.toThrow();
  });
});
