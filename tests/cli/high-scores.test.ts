import { describe, expect, it } from 'vitest';
import {
  addEntry,
  EMPTY_TABLE,
  formatTable,
  formatTicks,
  isIsoDate,
  shownTables,
  validateTable,
  type ScoreEntry,
} from '../../src/cli/high-scores.js';

const entry = (over: Partial<ScoreEntry>): ScoreEntry => ({
  score: 1000,
  lines: 10,
  level: 1,
  startLevel: 0,
  time: 3600,
  pieces: 30,
  seed: 1,
  date: '2026-11-01T10:00:00.000Z',
  replay: null,
  ...over,
});

describe('high-score table', () => {
  it('ranks marathon games by score, highest first', () => {
    let table = EMPTY_TABLE;
    for (const score of [500, 2000, 1000]) table = addEntry(table, 'marathon', entry({ score })).table;
    expect(table.marathon.map((e) => e.score)).toEqual([2000, 1000, 500]);
    expect(addEntry(table, 'marathon', entry({ score: 1500 })).rank).toBe(2);
  });

  it('ranks sprints by time, fastest first', () => {
    let table = EMPTY_TABLE;
    for (const time of [7200, 3600, 5400]) table = addEntry(table, 'sprint', entry({ time })).table;
    expect(table.sprint.map((e) => e.time)).toEqual([3600, 5400, 7200]);
  });

  it('keeps the top 10 and gives no rank to a game below them', () => {
    let table = EMPTY_TABLE;
    for (let i = 1; i <= 12; i++) table = addEntry(table, 'marathon', entry({ score: i * 100 })).table;
    expect(table.marathon).toHaveLength(10);
    expect(table.marathon.at(-1)!.score).toBe(300);
    expect(addEntry(table, 'marathon', entry({ score: 200 })).rank).toBeNull();
  });

  it('lets the older entry keep its place on a tie', () => {
    const first = addEntry(EMPTY_TABLE, 'marathon', entry({ score: 100, date: '2026-01-01T00:00:00.000Z' })).table;
    const { rank } = addEntry(first, 'marathon', entry({ score: 100, date: '2026-02-01T00:00:00.000Z' }));
    expect(rank).toBe(2);
  });

  it.each([
    [null, 'not a JSON object'],
    [[], 'not a JSON object'],
    [{ format: 'other', version: 1 }, 'format is not "inktris-scores"'],
    [{ format: 'inktris-scores', version: 2 }, 'version 2 is not 1'],
    [{ format: 'inktris-scores', version: 1, marathon: {} }, 'marathon is not a list'],
    [{ format: 'inktris-scores', version: 1, sprint: [{ score: -1 }] }, 'sprint[0]: score is not a whole number >= 0'],
    [{ format: 'inktris-scores', version: 1, marathon: [entry({ replay: '../../etc/passwd' })] }, 'marathon[0]: replay is not a file name'],
  ])('refuses the table %j: %s', (value, problem) => {
    expect(validateTable(value)).toBe(problem);
  });

  it.each([
    ["the issue's date with escape codes around it", '(\u001b]2;PWNED\u0007\u001b[2J) 2020-01-01'],
    ['a date Date.parse takes but ISO 8601 does not', 'Wed, 01 Jan 2020 00:00:00 GMT'],
    ['a date alone', '2020-01-01'],
    ['an offset instead of Z', '2020-01-01T10:00:00+02:00'],
    ['a space instead of T', '2020-01-01 10:00:00Z'],
    ['31 April', '2026-04-31T10:00:00.000Z'],
    ['29 February of a common year', '2026-02-29T10:00:00.000Z'],
    ['hour 24', '2026-01-01T24:00:00.000Z'],
    ['a C1 control after the date', '2026-01-01T10:00:00.000Z\u009b2J'],
  ])('refuses %s as a date', (_name, date) => {
    expect(isIsoDate(date)).toBe(false);
    expect(validateTable({ format: 'inktris-scores', version: 1, marathon: [entry({ date })] })).toBe(
      'marathon[0]: date is not an ISO 8601 UTC date (2026-11-23T12:00:00.000Z)',
    );
  });

  it.each([['2026-11-23T12:00:00.000Z'], ['2028-02-29T23:59:59Z'], ['2026-11-23T12:00Z'], ['2026-11-23T12:00:00.123456Z']])(
    'takes %s as a date',
    (date) => {
      expect(isIsoDate(date)).toBe(true);
    },
  );

  it('quotes a version from the file without its control characters', () => {
    expect(validateTable({ format: 'inktris-scores', version: '\u009b2J\u202e' })).toBe('version "?2J?" is not 1');
  });

  it('reads back a table it wrote, dropping unknown fields', () => {
    const table = addEntry(EMPTY_TABLE, 'sprint', entry({ replay: 'a.json' })).table;
    const read = validateTable(JSON.parse(JSON.stringify({ ...table, extra: 1, sprint: [{ ...table.sprint[0], junk: 2 }] })));
    expect(read).toEqual(table);
  });

  it.each([
    [0, '0:00.00'],
    [60, '0:01.00'],
    [90, '0:01.50'],
    [3600 + 30, '1:00.50'],
  ])('formats %i ticks as %s', (ticks, text) => {
    expect(formatTicks(ticks)).toBe(text);
  });
});

describe('tables per rule set and mode', () => {
  it('ranks each table on its own: ultra by score, dig by time', () => {
    let table = EMPTY_TABLE;
    table = addEntry(table, 'guideline-ultra', entry({ score: 5000 })).table;
    table = addEntry(table, 'guideline-ultra', entry({ score: 9000 })).table;
    table = addEntry(table, 'dig-18', entry({ time: 5000 })).table;
    table = addEntry(table, 'dig-18', entry({ time: 4000 })).table;
    expect(table['guideline-ultra']!.map((e) => e.score)).toEqual([9000, 5000]);
    expect(table['dig-18']!.map((e) => e.time)).toEqual([4000, 5000]);
    expect(table.marathon).toEqual([]);
  });

  it('reads an old file as nes, and keeps the other tables through a write and a read', () => {
    const old = { format: 'inktris-scores', version: 1, marathon: [entry({ score: 7 })], sprint: [] };
    const read = validateTable(old);
    expect(typeof read !== 'string' && read.marathon[0]!.score).toBe(7);
    const table = addEntry(EMPTY_TABLE, 'guideline-dig-10', entry({ time: 900 })).table;
    const again = validateTable(JSON.parse(JSON.stringify(table)));
    expect(typeof again !== 'string' && again['guideline-dig-10']![0]!.time).toBe(900);
    expect(validateTable({ ...old, ultra: {} })).toBe('ultra is not a list');
  });

  it('heads each table with its rule set and mode, and shows times where time ranks', () => {
    const table = addEntry(EMPTY_TABLE, 'guideline-dig-100', entry({ time: 3600 * 3 })).table;
    expect(shownTables(table)).toEqual(['marathon', 'sprint', 'guideline-dig-100']);
    const text = formatTable(table, ['guideline-dig-100', 'ultra']);
    expect(text).toContain('GUIDELINE DIG (100 lines)\n   #  TIME');
    expect(text).toContain('3:00.00');
    expect(text).toContain('ULTRA (2 minutes)\n  no games yet');
  });
});
