// Puts a KPI value in its band and phrases the deciding rule.
#include "servimetrics/band.hpp"

#include <cmath>
#include <cstdio>

namespace servimetrics {
namespace {

std::string format_threshold(double value, bool as_percent) {
  char text[64];
  if (as_percent) {
    std::snprintf(text, sizeof text, "%g%%", std::round(value * 1e6) / 1e4);
  } else {
    std::snprintf(text, sizeof text, "%g", value);
  }
  return text;
}

bool meets(double value, const Threshold& t, Direction direction) {
  if (direction == Direction::higher) return t.strict ? value > t.value : value >= t.value;
  return t.strict ? value < t.value : value <= t.value;
}

std::string_view meet_op(const Threshold& t, Direction direction) {
  if (direction == Direction::higher) return t.strict ? ">" : ">=";
  return t.strict ? "<" : "<=";
}

// The complement of meet_op: what a value failing the threshold satisfies.
std::string_view fail_op(const Threshold& t, Direction direction) {
  if (direction == Direction::higher) return t.strict ? "<=" : "<";
  return t.strict ? ">=" : ">";
}

BandDecision decide(Band band, std::string_view op, double threshold, std::string_view label,
                    bool as_percent) {
  BandDecision d;
  d.band = band;
  d.op = op;
  d.threshold = threshold;
  d.rule = std::string(label) + " " + d.op + " " + format_threshold(threshold, as_percent) +
           " is " + std::string(band_name(band));
  return d;
}

}  // namespace

std::string_view band_name(Band band) {
  switch (band) {
    case Band::good:
      return "good";
    case Band::watch:
      return "watch";
    case Band::bad:
      return "bad";
    case Band::none:
      return "none";
  }
  return "none";
}

std::string_view direction_name(Direction direction) {
  return direction == Direction::higher ? "higher" : "lower";
}

BandDecision no_band() {
  BandDecision d;
  d.rule = "no threshold";
  return d;
}

BandDecision classify(double value, const BandRule& rule, std::string_view label, bool as_percent) {
  if (!rule.good) return no_band();
  const Direction dir = rule.direction;
  if (meets(value, *rule.good, dir)) {
    return decide(Band::good, meet_op(*rule.good, dir), rule.good->value, label, as_percent);
  }
  if (rule.watch && meets(value, *rule.watch, dir)) {
    return decide(Band::watch, meet_op(*rule.watch, dir), rule.watch->value, label, as_percent);
  }
  const Threshold& last = rule.watch ? *rule.watch : *rule.good;
  return decide(Band::bad, fail_op(last, dir), last.value, label, as_percent);
}

}  // namespace servimetrics
