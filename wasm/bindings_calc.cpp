// The calculator's wasm module (servimetrics-calc), the one the page loads first: the KPI catalog,
// compute and the what-if engine, as JSON-string calls. Nothing here reads files; the file readers
// and the models are the files module's (bindings_files.cpp), loaded when a file comes. Errors
// travel inside the JSON answers; the core is built without exceptions.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "servimetrics/catalog.hpp"
#include "servimetrics/request.hpp"
#include "servimetrics/whatif.hpp"

namespace {

std::string catalog() {
  return servimetrics::catalog_json().dump();
}

std::string compute(const std::string& request) {
  return servimetrics::compute_text(request);
}

// compute() for the worker's every keystroke: the request comes as UTF-8 bytes and the answer
// goes back as a view of its bytes, valid until the next call. Embind's std::string return reads
// the answer in JavaScript one byte at a time (14% of a recompute); TextDecoder does it at once.
emscripten::val compute_bytes(const std::string& request) {
  static std::string answer;
  answer = servimetrics::compute_text(request);
  return emscripten::val(emscripten::typed_memory_view(
      answer.size(), reinterpret_cast<const unsigned char*>(answer.data())));
}

}  // namespace

EMSCRIPTEN_BINDINGS(servimetrics_calc) {
  emscripten::function("catalog", &catalog);
  emscripten::function("compute", &compute);
  emscripten::function("computeBytes", &compute_bytes);
  emscripten::function("whatif", &servimetrics::whatif_text);
}
