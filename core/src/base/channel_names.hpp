// Acquisition channels named in two files (spend and transactions) are the same channel when
// their names are equal after trimming spaces and folding ASCII case: "Online Ads " = "online ads".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace servimetrics {

bool same_channel(std::string_view a, std::string_view b);

// The key of the object `channels` naming the same channel as `name` (an exact match first), or
// nullptr when there is none.
const std::string* matching_channel(const nlohmann::json& channels, std::string_view name);

}  // namespace servimetrics
