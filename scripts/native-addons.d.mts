// Types of scripts/native-addons.mjs, for the tests that build with it.
import type { Metafile } from 'esbuild';

/** Copy each native addon that was built beside the output bundling the module that requires it; returns the files written. */
export declare function copyNativeAddons(metafile: Metafile, cwd: string): Promise<string[]>;
