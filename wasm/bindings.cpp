// The wasm face of the core: three JSON-string calls. Errors travel inside the JSON answer;
// the core is built without exceptions, so none can cross into JavaScript.
#include <emscripten/bind.h>

#include <string>

#include "servimetrics/analyze.hpp"
#include "servimetrics/catalog.hpp"
#include "servimetrics/request.hpp"

namespace {

std::string catalog() {
  return servimetrics::catalog_json().dump();
}

std::string compute(const std::string& request) {
  return servimetrics::compute_text(request);
}

std::string analyze(const std::string& kind, const std::string& text) {
  return servimetrics::dump_answer(servimetrics::analyze(kind, text));
}

}  // namespace

EMSCRIPTEN_BINDINGS(servimetrics) {
  emscripten::function("catalog", &catalog);
  emscripten::function("compute", &compute);
  emscripten::function("analyze", &analyze);
}
