// The wasm face of the customer-base models (docs/MODELS.md, docs/JSON-API.md): fitModels on a
// JSON request (customers' summaries, a survival table, durations), predictModels for a fitted
// model, and a kept import's table through FileImport.fitModels (bindings.cpp). Answers are JSON
// text with coded errors.
#include "bindings_models.hpp"

#include <emscripten/bind.h>

#include "servimetrics/json_text.hpp"
#include "servimetrics/models.hpp"

namespace servimetrics_wasm {
namespace {

using nlohmann::json;

std::string error_answer(const servimetrics::Error& error) {
  return servimetrics::dump_answer({{"models", json::array()},
                                    {"errors", json::array({servimetrics::error_json(error)})},
                                    {"warnings", json::array()}});
}

std::string fit_models_request(const std::string& request_json) {
  return servimetrics::fit_models(std::string_view(request_json));
}

std::string predict_models_request(const std::string& request_json) {
  return servimetrics::predict_models(std::string_view(request_json));
}

}  // namespace

std::string fit_models_on_table(const servimetrics::ImportedTable* table,
                                const std::string& options_json) {
  if (table == nullptr)
    return error_answer(
        {.message = "The import is not finished, or it failed.", .code = "models_no_data"});
  auto options = servimetrics::parse_json(options_json.empty() ? "{}" : options_json);
  if (!options.ok()) return error_answer(options.error());
  if (!options.value().is_object())
    return error_answer(
        {.message = "The model request is not a JSON object.", .code = "models_bad_request"});
  return servimetrics::dump_answer(servimetrics::fit_models(*table, options.value()));
}

}  // namespace servimetrics_wasm

EMSCRIPTEN_BINDINGS(servimetrics_models) {
  emscripten::function("fitModels", &servimetrics_wasm::fit_models_request);
  emscripten::function("predictModels", &servimetrics_wasm::predict_models_request);
}
