// The smallest wasm module (servimetrics-compute), for an embed whose layout shows KPIs only (the
// compact card, a single KPI): the KPI catalog and compute, the same calls and answers as the calc
// module's (bindings_calc.cpp), without the what-if engine. Built for size (wasm/CMakeLists.txt).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "servimetrics/catalog.hpp"
#include "servimetrics/request.hpp"

namespace {

std::string catalog() {
  return servimetrics::catalog_json().dump();
}

std::string compute(const std::string& request) {
  return servimetrics::compute_text(request);
}

// As in bindings_calc.cpp: the answer goes back as a view of its UTF-8 bytes, valid until the next
// call.
emscripten::val compute_bytes(const std::string& request) {
  static std::string answer;
  answer = servimetrics::compute_text(request);
  return emscripten::val(emscripten::typed_memory_view(
      answer.size(), reinterpret_cast<const unsigned char*>(answer.data())));
}

}  // namespace

EMSCRIPTEN_BINDINGS(servimetrics_compute) {
  emscripten::function("catalog", &catalog);
  emscripten::function("compute", &compute);
  emscripten::function("computeBytes", &compute_bytes);
}
