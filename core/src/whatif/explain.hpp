// The numbers each output's formula was given, written beside its value (internal to the core).
#pragma once

#include "base/json_writer.hpp"
#include "whatif/outputs.hpp"

namespace servimetrics::whatif {

// {"formula", "inputs": {...}} of one output at a projected path.
void write_explanation(JsonWriter& out, const Model& model, const Path& path, Output output);

}  // namespace servimetrics::whatif
