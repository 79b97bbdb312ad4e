// The projection block of a compute request: read and checked, then written into the answer
// (internal to the core).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "base/json_writer.hpp"
#include "request/projection.hpp"

namespace servimetrics {

struct ProjectionAnswer {
  ProjectionPath baseline;
  ProjectionPath scenario;
  ProjectionPath difference;  // scenario minus baseline
};

struct ProjectionRead {
  std::optional<ProjectionAnswer> answer;  // nothing when the block is unusable
  std::vector<Error> errors;               // each with "kpi": "projection"
};

// The projected paths, or the problems of the block.
ProjectionRead read_projection(const nlohmann::json& request);

// {"baseline", "difference", "scenario", "totals", "years"}, as text or as a tree.
void write_projection(JsonWriter& out, const ProjectionAnswer& projection);
void write_projection(JsonTreeWriter& out, const ProjectionAnswer& projection);

}  // namespace servimetrics
