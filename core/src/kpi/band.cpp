// Puts a KPI value in its band and phrases the deciding rule.
#include "servimetrics/band.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace servimetrics {
namespace {

// printf("%g"): in wasm, musl's printf formats through software long double, and every KPI of
// every keystroke phrases a rule. Thresholds are short numbers, so their shortest digits (Grisu2,
// as the JSON writer uses) already are %g's six; anything longer falls back to printf.
void append_g(std::string& out, double value) {
  if (value == 0) {
    out.append(std::signbit(value) ? "-0" : "0");
    return;
  }
  std::array<char, 32> digits{};
  int length = 0;
  int exponent = 0;  // value = digits * 10^exponent
  if (std::isfinite(value)) {
    nlohmann::detail::dtoa_impl::grisu2(digits.data(), length, exponent, std::fabs(value));
  }
  const int leading = length + exponent - 1;  // power of ten of the first digit
  if (length == 0 || length > 6 || leading < -4 || leading >= 6) {
    std::array<char, 64> text{};
    std::snprintf(text.data(), text.size(), "%g", value);
    out.append(text.data());
    return;
  }
  if (value < 0) out.push_back('-');
  if (leading < 0) {
    out.append("0.");
    out.append(static_cast<std::size_t>(-leading - 1), '0');
    out.append(digits.data(), static_cast<std::size_t>(length));
  } else if (exponent >= 0) {
    out.append(digits.data(), static_cast<std::size_t>(length));
    out.append(static_cast<std::size_t>(exponent), '0');
  } else {
    const auto whole = static_cast<std::size_t>(leading + 1);
    out.append(digits.data(), whole);
    out.push_back('.');
    out.append(digits.data() + whole, static_cast<std::size_t>(length) - whole);
  }
}

std::string format_threshold(double value, bool as_percent) {
  std::string text;
  append_g(text, as_percent ? std::round(value * 1e6) / 1e4 : value);
  if (as_percent) text.push_back('%');
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
