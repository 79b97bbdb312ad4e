// Health bands: thresholds of a KPI and the rule that puts a value in good, watch or bad.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace servimetrics {

enum class Band { good, watch, bad, none };
enum class Direction { higher, lower };  // which side of a threshold is healthy

struct Threshold {
  double value = 0;
  bool strict = false;  // '>' or '<' instead of '>=' or '<='
};

struct BandRule {
  Direction direction = Direction::higher;
  std::optional<Threshold> good;
  std::optional<Threshold> watch;
};

// The decision and its reason, both as data (op, threshold) and as an English sentence.
struct BandDecision {
  Band band = Band::none;
  std::string op;  // ">=", ">", "<=", "<", or "" for none
  double threshold = 0;
  std::string rule;
};

std::string_view band_name(Band band);
std::string_view direction_name(Direction direction);

// `label` names the metric in the sentence; `as_percent` prints thresholds as percentages.
BandDecision classify(double value, const BandRule& rule, std::string_view label, bool as_percent);

BandDecision no_band();

}  // namespace servimetrics
