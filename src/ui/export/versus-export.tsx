/**
 * A versus match file drawn as the versus screen draws it: one frame as
 * plain text (`replay FILE --frame N`, `export FILE --text`), and the whole
 * match as an asciicast v2 recording (`export FILE --cast OUT`), in the
 * same form as a game's (asciicast.tsx): a frame at each tick the match
 * watcher would draw one, each event redrawing only the rows that changed.
 * The whole screen is drawn by one long-lived Ink tree per recording.
 */
import { renderToString } from 'ink';
import { indexMatch, matchNextChange, matchRunTo, matchStart, type MatchReplay, type MatchState } from '../../core/index.js';
import { VersusFrameView } from '../components/VersusFrame.js';
import { playerNames, stillMatchView } from '../drivers/match-sides.js';
import { frameOf, type Frame } from '../frame/frame-model.js';
import { resolveDisplay, type Display } from '../frame/theme.js';
import type { VersusFrame } from '../frame/versus-frame.js';
import { VERSUS_MIN } from '../frame/versus-layout.js';
import { ColumnDrawer, type CastEvent, type CastHeader, type CastOptions, type CastPicture, ownString, timedEvents } from './asciicast.js';
import type { FrameTextOptions } from './frame-text.js';

const ESC = '\u001B[';
/** The recording's height: the screen's rows and the row the cursor is parked on at the end. */
const CAST_HEIGHT = VERSUS_MIN.rows + 1;
const PARK_CURSOR = `${ESC}${CAST_HEIGHT};1H${ESC}?25h`;

function versusFrameAt(m: MatchState, names: readonly [string, string], display: Display): VersusFrame {
  const frame = frameOf(stillMatchView(m, names), display, VERSUS_MIN);
  if (frame.kind !== 'versus') throw new Error('the versus screen does not fit its own size');
  return frame;
}

/** Match `m` as the versus screen's text, VERSUS_MIN wide (trailing spaces trimmed, no trailing newline). */
export function matchFrameText(m: MatchState, names: readonly [string, string], options: FrameTextOptions = {}): string {
  const display = resolveDisplay({ ascii: options.ascii, ghost: options.ghost, preview: options.preview, color: false });
  const text = renderToString(<VersusFrameView frame={versusFrameAt(m, names, display)} display={display} />, {
    columns: VERSUS_MIN.columns,
  });
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** What the terminal shows at tick `tick` of a match file: the match once that tick has been played. */
export function matchStateAt(replay: MatchReplay, tick: number): MatchState {
  return matchRunTo(replay, matchStart(replay), tick).state;
}

/** The header line's object of a match's recording. */
export function matchCastHeader(options: Pick<CastOptions, 'title' | 'timestamp' | 'idleLimit'>): CastHeader {
  return {
    version: 2,
    width: VERSUS_MIN.columns,
    height: CAST_HEIGHT,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.idleLimit === undefined ? {} : { idle_time_limit: options.idleLimit }),
    title: options.title,
    env: { TERM: 'xterm-256color' },
  };
}

/** The events of a match's recording, one per change of the picture, made as they are asked for. */
export function* matchCastEvents(replay: MatchReplay, options: Omit<CastOptions, 'title' | 'timestamp'>): Generator<CastEvent, void, void> {
  const display = resolveDisplay(options.display);
  const limit = options.idleLimit ?? Number.POSITIVE_INFINITY;
  const names = playerNames(replay.players);
  const index = indexMatch(replay);
  const drawer = new ColumnDrawer(VERSUS_MIN.columns, VERSUS_MIN.rows);
  const draw = (frame: Frame) =>
    drawer.draw(<VersusFrameView frame={frame as VersusFrame} display={display} />).map((row) => ownString(row.trimEnd()));
  try {
    yield* timedEvents(matchPictures(replay, index, names, display), draw, limit, PARK_CURSOR);
  } finally {
    drawer.close();
  }
}

/** A match's pictures: wall tick W shows the match through tick W - 1, as the watcher does. */
function* matchPictures(
  replay: MatchReplay,
  index: ReturnType<typeof indexMatch>,
  names: readonly [string, string],
  display: Display,
): Generator<CastPicture<VersusFrame>, void, void> {
  let position = matchStart(replay);
  for (let wall = 0; ; ) {
    const { state } = position;
    const last = state.status === 'over' || state.tick > index.endTick;
    yield { wall, frame: versusFrameAt(state, names, display), last };
    if (last) return;
    wall = matchNextChange(index, position);
    position = matchRunTo(replay, position, wall - 1);
  }
}

/** The lines of a match's asciicast v2 file, each with its line feed: the header, then one per event. */
export function* matchCastLines(replay: MatchReplay, options: CastOptions): Generator<string, void, void> {
  yield `${JSON.stringify(matchCastHeader(options))}\n`;
  for (const event of matchCastEvents(replay, options)) yield `${JSON.stringify(event)}\n`;
}
