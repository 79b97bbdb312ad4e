// Decimal number parsing: exact fast path for up to 19 significant digits and small exponents;
// longer inputs fall back to strtod on a stack copy.
#include "base/number_parser.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace servimetrics {
namespace {

constexpr double kExactPowersOf10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::optional<double> slow_path(std::string_view text) {
  char buffer[512];
  if (text.size() >= sizeof buffer) return std::nullopt;
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
  char* end = nullptr;
  const double value = std::strtod(buffer, &end);
  if (end != buffer + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  const char* p = text.data();
  const char* const end = p + text.size();
  if (p == end) return std::nullopt;

  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;

  std::uint64_t mantissa = 0;
  int significant = 0;
  int decimal_shift = 0;  // power of ten applied to the mantissa
  int digits = 0;
  bool truncated = false;
  for (; p != end && is_digit(*p); ++p, ++digits) {
    if (significant < 19) {
      mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
      if (mantissa != 0) ++significant;
    } else {
      ++decimal_shift;
      truncated = true;
    }
  }
  if (p != end && *p == '.') {
    ++p;
    for (; p != end && is_digit(*p); ++p, ++digits) {
      if (significant < 19) {
        mantissa = mantissa * 10 + static_cast<unsigned>(*p - '0');
        if (mantissa != 0) ++significant;
        --decimal_shift;
      } else {
        truncated = true;
      }
    }
  }
  if (digits == 0) return std::nullopt;

  if (p != end && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool exp_negative = p != end && *p == '-';
    if (p != end && (*p == '-' || *p == '+')) ++p;
    if (p == end || !is_digit(*p)) return std::nullopt;
    int exponent = 0;
    for (; p != end && is_digit(*p); ++p) {
      if (exponent < 100000) exponent = exponent * 10 + (*p - '0');
    }
    decimal_shift += exp_negative ? -exponent : exponent;
  }
  if (p != end) return std::nullopt;

  if (truncated || mantissa > (std::uint64_t{1} << 53) || decimal_shift > 22 ||
      decimal_shift < -22) {
    return slow_path(text);
  }
  auto value = static_cast<double>(mantissa);
  value = decimal_shift >= 0 ? value * kExactPowersOf10[decimal_shift]
                             : value / kExactPowersOf10[-decimal_shift];
  return negative ? -value : value;
}

}  // namespace servimetrics
