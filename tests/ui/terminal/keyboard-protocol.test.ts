/** What the terminal was told about the kitty keyboard protocol, from what was written to it. */
import { describe, expect, it } from 'vitest';
import { KeyboardProtocol } from '../../../src/ui/terminal/keyboard-protocol.js';
import { FakeStdout } from '../fake-terminal.js';

/** Whether key events are reported after `writes`, in order. */
function after(...writes: string[]): boolean {
  const keyboard = new KeyboardProtocol();
  for (const text of writes) keyboard.written(text);
  return keyboard.reportsEvents;
}

describe('the keyboard protocol of a terminal', () => {
  it('reports no key events before any flags are pushed', () => {
    expect(new KeyboardProtocol().reportsEvents).toBe(false);
  });

  // What Ink writes: the query, then the push of flags 27 once the terminal answered, the pop on the way out.
  it.each<[string, boolean, string[]]>([
    ['the query alone', false, ['\u001B[?u']],
    ['flags 27 pushed (as Ink does)', true, ['\u001B[?u', '\u001B[>27u']],
    ['flags 27 pushed, then popped', false, ['\u001B[>27u', '\u001B[<u']],
    ['popped, then pushed again (a suspend and resume)', true, ['\u001B[>27u', '\u001B[<u', '\u001B[>27u']],
    ['only disambiguate pushed (flag 1)', false, ['\u001B[>1u']],
    ['event types pushed over disambiguate, then popped back to it', false, ['\u001B[>1u', '\u001B[>3u', '\u001B[<u']],
    ['disambiguate pushed over event types', false, ['\u001B[>2u', '\u001B[>1u']],
    ['more popped than pushed (all flags reset)', false, ['\u001B[>27u', '\u001B[<5u']],
    ['event types set on the top entry', true, ['\u001B[>1u', '\u001B[=2;2u']],
    ['event types taken off the top entry', false, ['\u001B[>27u', '\u001B[=2;3u']],
    ['flags set outright', false, ['\u001B[>27u', '\u001B[=1u']],
    ['the push inside a longer write', true, ['\u001B[?1049h\u001B[>27u\u001B[?25l']],
  ])('after %s, reports key events: %s', (_what, reports, writes) => {
    expect(after(...writes)).toBe(reports);
  });

  it('follows the writes made through its view of a stream, and passes them on unchanged', () => {
    const stdout = new FakeStdout();
    const keyboard = new KeyboardProtocol();
    const stream = keyboard.watch(stdout as unknown as NodeJS.WriteStream);
    stream.write('\u001B[>27u');
    expect(keyboard.reportsEvents).toBe(true);
    stream.write('\u001B[<u');
    expect(keyboard.reportsEvents).toBe(false);
    expect(stdout.text).toBe('\u001B[>27u\u001B[<u');
    expect(stream.columns).toBe(80);
  });
});
