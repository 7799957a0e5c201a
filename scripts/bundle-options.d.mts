import type { BuildOptions } from 'esbuild';

export declare const entries: Record<string, string>;
export declare function bundleOptions(): BuildOptions & { metafile: true };
