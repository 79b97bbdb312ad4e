// Starts one of the core's wasm modules in the worker: compiled while it downloads (streaming), so
// on a slow line the compile hides behind the transfer; a host that serves the file with another
// type than application/wasm gets it compiled after the download instead.

/** An Emscripten factory of one of the two modules (servimetrics-module.d.ts). */
type Factory<M> = (options: EmscriptenModuleOptions) => Promise<M>;

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return response;
}

async function instantiate(url: string, imports: WebAssembly.Imports): Promise<WebAssembly.WebAssemblyInstantiatedSource> {
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      return await WebAssembly.instantiateStreaming(fetchOk(url), imports);
    } catch (error) {
      // A TypeError is the wrong Content-Type (or no streaming here): read it whole below. A
      // CompileError or a failed download is the answer itself.
      if (!(error instanceof TypeError)) throw error;
    }
  }
  const bytes = await (await fetchOk(url)).arrayBuffer();
  return WebAssembly.instantiate(bytes, imports);
}

/** The module `create` builds around the wasm at `url`; rejects when it cannot be fetched or compiled. */
export function startModule<M>(create: Factory<M>, url: string): Promise<M> {
  return new Promise<M>((resolve, reject) => {
    create({
      instantiateWasm(imports, done) {
        instantiate(url, imports).then(({ instance, module }) => done(instance, module), reject);
        return {};
      },
      print: (text) => console.log('[servimetrics]', text),
      printErr: (text) => console.warn('[servimetrics]', text),
    }).then(resolve, reject);
  });
}
