// Types of scripts/bundle-options.mjs, for the tests that build with it.
import type { BuildOptions } from 'esbuild';

/** The esbuild options every bundle of inktris shares (dist/ and the benchmark). */
export declare const BUNDLE_OPTIONS: BuildOptions & { plugins: NonNullable<BuildOptions['plugins']> };
