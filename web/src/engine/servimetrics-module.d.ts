// The Emscripten + Embind module built by the core (build/wasm/servimetrics.js, MODULARIZE + EXPORT_ES6).
declare module '@wasm/servimetrics.js' {
  export interface ServimetricsModule {
    /** The KPI catalog as JSON text. */
    catalog(): string;
    /** A compute request (JSON text) in, the answer (JSON text) out. Errors are data, never thrown. */
    compute(requestJson: string): string;
    /** KPIs from a file's text; kind is "spend" for the marketing-spend CSV. */
    analyze(kind: string, text: string): string;
  }

  export interface ServimetricsOptions {
    wasmBinary?: ArrayBuffer;
    locateFile?: (path: string, prefix: string) => string;
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }

  const createServimetrics: (options?: ServimetricsOptions) => Promise<ServimetricsModule>;
  export default createServimetrics;
}
