// Types of scripts/third-party-notices.mjs, for the tests that check dist/'s notices.
import type { Metafile } from 'esbuild';

/** The name of the notices file in dist/. */
export declare const NOTICES_FILE: string;
/** The folders of the packages an esbuild metafile's inputs come from, each once, as absolute paths. */
export declare function bundledPackageDirs(metafile: Metafile, workingDir: string): string[];
/** A package's licence text: its licence file, or the one the script knows for a package that ships none. */
export declare function licenceText(dir: string, name: string): string;
/** The notices file for a bundle. */
export declare function thirdPartyNotices(metafile: Metafile, workingDir: string): string;
