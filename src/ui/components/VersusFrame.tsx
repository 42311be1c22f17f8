/**
 * The versus screen, `versusLayout(scale)`'s width x height: two sides,
 * each HOLD over NEXT, the incoming-garbage meter, the board and the
 * numbers with the player's name, and the result box over both boards at
 * the end, all drawn from the frame model (frame/versus-frame.ts), so an
 * export of a match prints what the terminal shows.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PieceType } from '../../core/index.js';
import { scaleLines } from '../frame/board-lines.js';
import { BOARD_COLUMNS, BOARD_ROWS, coverPadding, GAP, gameLayout, SPAWN_ROWS, type Scale } from '../frame/layout.js';
import { boldText, meterText, type Display } from '../frame/theme.js';
import { RESULT_NAME_WIDTH, type VersusFrame, type VersusResult, type VersusSideFrame } from '../frame/versus-frame.js';
import { METER_GAP, SIDES_GAP, versusLayout } from '../frame/versus-layout.js';
import { Board } from './Board.js';
import { boxLines, CoverPanel, coverOverlay } from './Panels.js';
import { PieceBox } from './PieceBox.js';
import { Sidebar } from './Sidebar.js';

/** Props of {@link VersusFrameView}. */
export interface VersusFrameProps {
  readonly frame: VersusFrame;
  readonly display: Display;
  /** Leave both boards' rows and numbers blank: the terminal app draws them (terminal/screen-fields.ts). @default false */
  readonly fieldsBlank?: boolean;
}

/** A board with every cell empty, as drawn when the fields are drawn elsewhere. */
const BLANK_LINES: readonly string[] = Object.freeze([
  ...Array<string>(SPAWN_ROWS).fill(' '.repeat(BOARD_COLUMNS)),
  ...Array<string>(BOARD_ROWS).fill('.'.repeat(BOARD_COLUMNS)),
]);

/** The labels of the numbers after TIME. */
const MORE_LABELS: readonly string[] = Object.freeze(['SENT']);

/** Board rows as Board takes them at `scale`: the spawn rows, then the well's. */
function drawnRows(lines: readonly string[], scale: Scale): { rows: readonly string[]; spawn: readonly string[] } {
  const drawn = scaleLines(lines, scale);
  const spawn = SPAWN_ROWS * scale;
  return { spawn: drawn.slice(0, spawn), rows: drawn.slice(spawn) };
}

/** HOLD over NEXT, in one column. */
const PiecesColumn = memo(function PiecesColumn({
  hold,
  used,
  next,
  display,
  scale,
}: {
  readonly hold: PieceType | null;
  readonly used: boolean;
  readonly next: string;
  readonly display: Display;
  readonly scale: Scale;
}) {
  const layout = versusLayout(scale);
  return (
    <Box flexDirection="column" width={layout.pieceColumnWidth} height={layout.height} flexShrink={0}>
      <Box height={layout.sideTop} flexShrink={0} />
      <Text>HOLD</Text>
      <Box marginTop={1}>
        <PieceBox piece={hold} display={display} dimmed={used} scale={scale} />
      </Box>
      {/* Without colour nothing can be dim: the word says it, in the row that parts HOLD from NEXT. */}
      <Text>{used && hold && !display.palette ? '(used)' : ' '}</Text>
      <Text>NEXT</Text>
      {[...next].map((piece, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a slot is its place in the preview; the same piece can stand in two
        <Box key={i} marginTop={1} flexShrink={0}>
          <PieceBox piece={piece as PieceType} display={display} scale={scale} />
        </Box>
      ))}
    </Box>
  );
});

/** The incoming-garbage meter, level with the well's rows. */
const Meter = memo(function Meter({ meter, display, scale }: { readonly meter: string; readonly display: Display; readonly scale: Scale }) {
  const layout = versusLayout(scale);
  return (
    <Box flexDirection="column" width={1} height={layout.height} flexShrink={0}>
      <Box height={layout.spawnHeight + 1} flexShrink={0} />
      {[...meter]
        .flatMap((cell) => Array<string>(scale).fill(cell))
        .map((cell, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the meter
          <Text key={i}>{meterText(cell, display)}</Text>
        ))}
    </Box>
  );
});

/** One side's board: its rows, a panel over the well, or the final rows dimmed under the result box. */
function SideBoard({ side, display, scale, fieldsBlank }: { side: VersusSideFrame; display: Display; scale: Scale; fieldsBlank: boolean }) {
  const layout = gameLayout(scale);
  if (side.under) return <Board {...drawnRows(side.under, scale)} display={display} dim scale={scale} />;
  if (side.cover) {
    const overlay = coverOverlay(side.cover, display, layout);
    if (overlay)
      return (
        <Board {...drawnRows('under' in side.cover ? side.cover.under : [], scale)} display={display} overlay={overlay} scale={scale} />
      );
    return (
      <Board
        {...drawnRows([], scale)}
        display={display}
        cover={<CoverPanel cover={side.cover} display={display} wellRows={layout.wellRows} />}
        scale={scale}
      />
    );
  }
  return <Board {...drawnRows(fieldsBlank || side.board === null ? BLANK_LINES : side.board, scale)} display={display} scale={scale} />;
}

/** The lines under the numbers: REPLAY, and the speed and clock under it (fields: blank when they are drawn elsewhere). */
function sideLines(side: VersusSideFrame, fieldsBlank: boolean): string {
  if (!side.status) return side.side;
  return [side.side, ...side.status.map((line) => (fieldsBlank ? ' ' : line))].join('\n');
}

/** One side: HOLD and NEXT, the meter, the board, the numbers. */
function Side({
  side,
  display,
  scale,
  fieldsBlank,
  numbersBlank,
}: {
  side: VersusSideFrame;
  display: Display;
  scale: Scale;
  fieldsBlank: boolean;
  numbersBlank: boolean;
}) {
  const layout = versusLayout(scale);
  return (
    <Box flexDirection="row" width={layout.sideWidth} height={layout.height} flexShrink={0}>
      <PiecesColumn hold={side.hold} used={side.holdUsed} next={side.next} display={display} scale={scale} />
      <Box marginLeft={GAP}>
        <Meter meter={side.meter} display={display} scale={scale} />
      </Box>
      <Box marginLeft={METER_GAP}>
        <SideBoard side={side} display={display} scale={scale} fieldsBlank={fieldsBlank} />
      </Box>
      <Box marginLeft={GAP}>
        <Sidebar
          title={boldText(side.name, display)}
          numbers={side.numbers}
          linesLabel="LINES"
          moreLabels={MORE_LABELS}
          side={sideLines(side, fieldsBlank)}
          feedback={side.feedback}
          hint={side.hint}
          numbersBlank={numbersBlank}
          scale={scale}
        />
      </Box>
    </Box>
  );
}

/** Columns inside the result box: a label column and a column per player. */
const LABEL_WIDTH = 8;
export const RESULT_WIDTH = 1 + LABEL_WIDTH + 2 * (RESULT_NAME_WIDTH + 1) + 1;

/** The result box's lines, its border included. */
export function resultLines(result: VersusResult, display: Display): string[] {
  const row = (label: string, values: readonly [string, string]) =>
    ` ${label.padEnd(LABEL_WIDTH)}${values.map((value) => value.padStart(RESULT_NAME_WIDTH + 1)).join('')}`;
  const title = result.title.slice(0, RESULT_WIDTH - 2);
  return boxLines(
    [
      { text: title, shown: boldText(title, display), center: true },
      { text: '' },
      { text: row('', result.names) },
      ...result.rows.map((r) => ({ text: row(r.label, r.values) })),
      ...(result.keys.length > 0 ? [{ text: '' }] : []),
      ...result.keys.map((key) => ({ text: ` ${key.keys.padEnd(6)}${key.action}` })),
    ],
    RESULT_WIDTH,
    display,
  );
}

/** The whole versus screen. */
export function VersusFrameView({ frame, display, fieldsBlank = false }: VersusFrameProps) {
  const { scale, result } = frame;
  const layout = versusLayout(scale);
  const box = result ? resultLines(result, display) : null;
  // Under the result box the numbers are Ink's to draw (terminal/screen-fields.ts).
  const numbersBlank = fieldsBlank && !result;
  return (
    <Box flexDirection="row" width={layout.width} height={layout.height} flexShrink={0}>
      <Side side={frame.sides[0]} display={display} scale={scale} fieldsBlank={fieldsBlank} numbersBlank={numbersBlank} />
      <Box marginLeft={SIDES_GAP}>
        <Side side={frame.sides[1]} display={display} scale={scale} fieldsBlank={fieldsBlank} numbersBlank={numbersBlank} />
      </Box>
      {box ? (
        // Over both boards, centred by whole cells; its lines are whole, so they cover what is under them.
        <Box
          position="absolute"
          left={Math.floor((layout.width - RESULT_WIDTH - 2) / 2)}
          top={layout.spawnHeight + 1 + coverPadding(box.length, layout.wellRows)}
          flexDirection="column"
        >
          {box.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line is its place in the box
            <Text key={i}>{line}</Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
