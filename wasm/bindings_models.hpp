// The customer-base models' wasm calls (bindings_models.cpp): the pure fitModels(requestJson) is
// bound there; a kept FileImport answers fitModels(optionsJson) through fit_models_on_table.
#pragma once

#include <string>

#include "servimetrics/imported_table.hpp"

namespace servimetrics_wasm {

// fit_models() on an import's table (null: the import is not finished or failed), as JSON text.
std::string fit_models_on_table(const servimetrics::ImportedTable* table,
                                const std::string& options_json);

}  // namespace servimetrics_wasm
