// The projection block of a compute request: read and checked, then written into the answer
// (internal to the core).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "base/json_writer.hpp"
#include "request/projection.hpp"

namespace servimetrics {

struct ProjectionAnswer {
  ProjectionPath baseline;
  ProjectionPath scenario;
  ProjectionPath difference;  // scenario minus baseline
};

// The projected paths, or nothing when the block is unusable (problems go to `errors`).
std::optional<ProjectionAnswer> read_projection(const nlohmann::json& request,
                                                nlohmann::json& errors);

// {"baseline", "difference", "scenario", "totals", "years"}.
void write_projection(JsonWriter& out, const ProjectionAnswer& projection);

}  // namespace servimetrics
