/**
 * A menu screen of the front door (menu, Settings, Scores, Watch), as its
 * frame says: the title, the rows with `>` at the selected one (in bold
 * where the screen has colour), `...` where rows are above or below the
 * window (the row under it left out when the list needs it), what just
 * happened, and the keys.
 */
import { Box, Text } from 'ink';
import type { MenuFrame } from '../frame/menu-frame.js';
import { boldText, type Display } from '../frame/theme.js';

/** Props of {@link MenuScreen}. */
export interface MenuScreenProps {
  readonly frame: MenuFrame;
  readonly display: Display;
}

/** The menu at its place in the terminal. */
export function MenuScreen({ frame, display }: MenuScreenProps) {
  const { size, origin, width } = frame;
  return (
    <Box width={size.columns} height={size.rows} paddingLeft={origin.column} paddingTop={origin.row} flexDirection="column">
      <Box width={width} flexDirection="column" flexShrink={0}>
        <Text>{boldText(frame.title, display)}</Text>
        <Text>{frame.above ? '  ...' : ' '}</Text>
        {frame.rows.map((row, i) => (
          // Rows are positions in a fixed window: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Text key={i}>{i === frame.selected ? boldText(`> ${row.slice(2)}`, display) : row}</Text>
        ))}
        {frame.belowRow && <Text>{frame.below ? '  ...' : ' '}</Text>}
        <Text>{frame.message || ' '}</Text>
        <Text>{frame.footer}</Text>
      </Box>
    </Box>
  );
}
