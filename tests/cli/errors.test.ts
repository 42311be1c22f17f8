import { describe, expect, it } from 'vitest';
import { warningLine } from '../../src/cli/errors.js';

describe('warningLine', () => {
  it('prints a warning as one line with the program name, escape codes and C1 controls shown as ?', () => {
    expect(warningLine('/tmp/\u001b]2;PWNED\u0007/game.json: cannot write the replay (ENOSPC)\nmore\u009b2J')).toBe(
      'inktris: /tmp/?]2;PWNED?/game.json: cannot write the replay (ENOSPC)?more?2J\n',
    );
  });
});
