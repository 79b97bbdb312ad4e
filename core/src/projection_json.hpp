// The projection block of a compute request, read and answered as JSON (internal to the core).
#pragma once

#include <nlohmann/json.hpp>

namespace servimetrics {

// Returns the projection answer, or null when the block is unusable (problems go to `errors`).
nlohmann::json projection_json(const nlohmann::json& request, nlohmann::json& errors);

}  // namespace servimetrics
