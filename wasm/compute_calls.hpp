// The KPI calls the calc and compute modules share (catalog, compute, computeBytes), registered by
// each module's EMSCRIPTEN_BINDINGS block through bind_compute_calls().
#pragma once

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "servimetrics/catalog.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics::wasm {

inline std::string catalog() {
  return servimetrics::catalog_json().dump();
}

inline std::string compute(const std::string& request) {
  return servimetrics::compute_text(request);
}

// compute() for the worker's every keystroke: the request comes as UTF-8 bytes and the answer
// goes back as a view of its bytes, valid until the next call. Embind's std::string return reads
// the answer in JavaScript one byte at a time (14% of a recompute); TextDecoder does it at once.
inline emscripten::val compute_bytes(const std::string& request) {
  static std::string answer;
  answer = servimetrics::compute_text(request);
  return emscripten::val(emscripten::typed_memory_view(
      answer.size(), reinterpret_cast<const unsigned char*>(answer.data())));
}

inline void bind_compute_calls() {
  emscripten::function("catalog", &catalog);
  emscripten::function("compute", &compute);
  emscripten::function("computeBytes", &compute_bytes);
}

}  // namespace servimetrics::wasm
