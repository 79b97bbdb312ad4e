// The compute-only module (wasm/bindings_compute.cpp, built -Oz): the calc module's catalog and
// compute without the what-if, for an embed that shows KPIs only. Loaded by the worker when it is
// started with the name "servimetrics-compute" (engine.worker.ts).
declare module '@wasm/servimetrics-compute.js' {
  import type { CalcModule } from '@wasm/servimetrics-calc.js';
  /** CalcModule without whatif(): a what-if request is answered with an error by the worker. */
  export type ComputeModule = Omit<CalcModule, 'whatif'>;
  const createServimetricsCompute: (options?: EmscriptenModuleOptions) => Promise<ComputeModule>;
  export default createServimetricsCompute;
}
