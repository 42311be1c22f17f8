/**
 * Where inktris keeps its files, following the env-paths convention (the
 * layout of the `env-paths` package, app name `inktris`, no suffix), with
 * XDG_DATA_HOME and XDG_CONFIG_HOME honoured on every platform when set.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The two folders inktris uses. */
export interface AppPaths {
  /** High scores and kept replays. */
  readonly data: string;
  /** config.json. */
  readonly config: string;
}

const APP = 'inktris';

/** The folders for this environment; pure, so tests pass their own env. */
export function appPaths(env: Readonly<Record<string, string | undefined>>, platform: string, home: string): AppPaths {
  const xdgData = env.XDG_DATA_HOME?.trim();
  const xdgConfig = env.XDG_CONFIG_HOME?.trim();
  let data: string;
  let config: string;
  if (platform === 'darwin') {
    data = join(home, 'Library', 'Application Support', APP);
    config = join(home, 'Library', 'Preferences', APP);
  } else if (platform === 'win32') {
    data = join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), APP, 'Data');
    config = join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP, 'Config');
  } else {
    data = join(home, '.local', 'share', APP);
    config = join(home, '.config', APP);
  }
  // XDG paths must be absolute to count (the XDG base directory spec).
  if (xdgData?.startsWith('/')) data = join(xdgData, APP);
  if (xdgConfig?.startsWith('/')) config = join(xdgConfig, APP);
  return { data, config };
}

/** The folders for the running program; tests steer them with XDG_* in `env`. */
export function pathsFor(env: Readonly<Record<string, string | undefined>>): AppPaths {
  return appPaths(env, process.platform, homedir());
}
