// Types of precompressed.mjs for vite.config.ts (TypeScript strict, without @types/node).
export const contentTypes: Record<string, string>;
export function writePrecompressed(dir: string): { file: string; bytes: number; gz: number; br: number }[];
export function acceptedEncodings(header: string | undefined): ('br' | 'gzip')[];
// Node's http types are not installed here: the request and response stay untyped.
export function previewMiddleware(outDir: string, headers: Record<string, string>): (req: any, res: any, next: () => void) => void;
export function gzip(bytes: Uint8Array): Uint8Array;
export function brotli(bytes: Uint8Array): Uint8Array;
