// Types of sw-manifest.mjs for vite.config.ts.
import type { Plugin } from 'vite';
export declare const SW_FILE: string;
export declare function precacheList(outDir: string): string[];
export declare function writeServiceWorker(outDir: string): { version: string; files: string[] };
export declare function serviceWorker(): Plugin;
