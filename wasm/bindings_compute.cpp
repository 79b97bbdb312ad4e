// The smallest wasm module (servimetrics-compute), for an embed whose layout shows KPIs only (the
// compact card, a single KPI): the KPI catalog and compute, the same calls and answers as the calc
// module's (compute_calls.hpp), without the what-if engine. Built for size (wasm/CMakeLists.txt).
#include "compute_calls.hpp"

EMSCRIPTEN_BINDINGS(servimetrics_compute) {
  servimetrics::wasm::bind_compute_calls();
}
