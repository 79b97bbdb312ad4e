// The calculator's wasm module (servimetrics-calc), the one the page loads first: the KPI catalog,
// compute and the what-if engine, as JSON-string calls. Nothing here reads files; the file readers
// and the models are the files module's (bindings_files.cpp), loaded when a file comes. Errors
// travel inside the JSON answers; the core is built without exceptions.
#include "compute_calls.hpp"
#include "servimetrics/whatif.hpp"

EMSCRIPTEN_BINDINGS(servimetrics_calc) {
  servimetrics::wasm::bind_compute_calls();
  emscripten::function("whatif", &servimetrics::whatif_text);
}
