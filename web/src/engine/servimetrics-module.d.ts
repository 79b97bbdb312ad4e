// The two Emscripten + Embind modules built by the core (wasm/CMakeLists.txt; MODULARIZE + EXPORT_ES6):
// build/wasm/servimetrics-calc.js, which the worker loads first, and build/wasm/servimetrics-files.js,
// loaded when a file comes or the page is idle (docs/ARCHITECTURE.md).

/** What both factories take. */
interface EmscriptenModuleOptions {
  wasmBinary?: ArrayBuffer;
  /** Instantiates the wasm itself (streaming compile); calls `done` and answers {} (Emscripten's contract). */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => Record<string, never>;
  locateFile?: (path: string, prefix: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

declare module '@wasm/servimetrics-calc.js' {
  /** The calculator: catalog, compute, what-if (wasm/bindings_calc.cpp). */
  export interface CalcModule {
    /** The KPI catalog as JSON text. */
    catalog(): string;
    /** A compute request (JSON text) in, the answer (JSON text) out. Errors are data, never thrown. */
    compute(requestJson: string): string;
    /**
     * compute() with the request as UTF-8 bytes and the answer as a view of its UTF-8 bytes in the
     * module's memory, valid only until the next call into the module: decode it at once.
     */
    computeBytes(requestUtf8: Uint8Array): Uint8Array;
    /**
     * The what-if engine (docs/WHATIF.md): a baseline, named scenarios, a tornado, a goal seek and a
     * Monte Carlo run in one request (JSON text); the answer as JSON text, errors inside it.
     */
    whatif(requestJson: string): string;
  }
  export type CalcOptions = EmscriptenModuleOptions;
  const createServimetricsCalc: (options?: CalcOptions) => Promise<CalcModule>;
  export default createServimetricsCalc;
}

declare module '@wasm/servimetrics-files.js' {
  /** The file readers: imports, data kinds, combine, warm-up (wasm/bindings_files.cpp), and the models. */
  export interface FilesModule {
    /** The data kinds (fields, labels, header aliases) as JSON text. */
    kinds(): string;
    /** KPIs that need two imported files (LTV:CAC per channel): {"answers": [{kind, inputs}]} in. */
    combine(requestJson: string): string;
    /** Imports that many generated transactions rows to warm V8 up; answers the rows used. */
    warmUp(rows: number): number;
    /** A streaming import of one file; an Embind object, so it must be deleted. */
    FileImport: new (requestJson: string) => FileImport;
  }

  export interface FileImport {
    /** Reads one chunk of the file. false: stop feeding (the answer will say why). */
    feed(chunk: Uint8Array): boolean;
    /** {"bytes","rows"} read so far, as JSON text. */
    progress(): string;
    /** The answer, as JSON text. */
    finish(): string;
    /** The kind read (the detected one for "auto"); "" when none was. */
    kind(): string;
    /** Every rejected row as JSON: [{row, column, value, reason, code, params}]. */
    rejectsJson(): string;
    /** One answer table with every row (JSON), "null" when there is no such table. */
    tableJson(name: string): string;
    /** The customer-base models fitted on this finished import (options as JSON text; docs/JSON-API.md). */
    fitModels(optionsJson: string): string;
    /** The same fit with the customers' table as typed arrays, in one call (customer-table.ts). */
    fitModelsColumns(optionsJson: string): FittedColumns;
    delete(): void;
  }

  /** FileImport.fitModelsColumns(): the answer without customer rows, and the customers as columns. */
  export interface FittedColumns {
    answer: string;
    /** The count model of p_alive, expected and clv ("" none); absent when the import is gone. */
    model?: string;
    ids?: Uint8Array;
    idEnds?: Uint32Array;
    x?: Float64Array;
    t_x?: Float64Array;
    T?: Float64Array;
    mean_spend?: Float64Array;
    p_alive?: Float64Array;
    expected?: Float64Array;
    clv?: Float64Array;
    clv_p5?: Float64Array;
    clv_p95?: Float64Array;
  }

  export type FilesOptions = EmscriptenModuleOptions;
  const createServimetricsFiles: (options?: FilesOptions) => Promise<FilesModule>;
  export default createServimetricsFiles;
}
