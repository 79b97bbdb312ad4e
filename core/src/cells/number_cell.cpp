// Number cells as people type them (currency, thousands, percent, accounting parentheses,
// full-width digits): one pass over the cell on the stack; only very long values go on to
// parse_decimal's exact slow path.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/number_parser.hpp"
#include "cells/cell_text.hpp"
#include "cells/cell_values.hpp"

namespace servimetrics {
namespace {

using cell_text::read_unit;
using cell_text::Unit;

Error reason(const char* message) {
  return Error{{}, {}, message};
}

constexpr double kExactPowersOf10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kLargestExactInteger = std::uint64_t{1} << 53;

// The cells of nearly every export, "2.55", "-17850", "1,234.50": ASCII digits, an optional sign,
// thousands grouped by 3, one decimal mark, at most 19 digits. Read in one pass; the value is
// exact (one correctly rounded division) when the digits fit a double. False sends the cell to
// the general reader, which accepts more and explains what it rejects.
bool read_simple(std::string_view text, char decimal, double& value) {
  const char group = decimal == ',' ? '.' : ',';
  const char* p = text.data();
  const char* const end = p + text.size();
  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  std::uint64_t mantissa = 0;
  int digits = 0;
  int group_length = 0;
  bool grouped = false;
  for (; p != end; ++p) {
    const auto digit = static_cast<unsigned>(*p - '0');
    if (digit < 10) {
      mantissa = mantissa * 10 + digit;
      ++digits;
      ++group_length;
    } else if (*p == group && group_length != 0 && group_length <= 3 &&
               (!grouped || group_length == 3)) {
      grouped = true;
      group_length = 0;
    } else {
      break;
    }
  }
  if (grouped && group_length != 3) return false;
  int fraction_digits = 0;
  if (p != end && *p == decimal) {
    for (++p; p != end; ++p) {
      const auto digit = static_cast<unsigned>(*p - '0');
      if (digit >= 10) break;
      mantissa = mantissa * 10 + digit;
      ++digits;
      ++fraction_digits;
    }
  }
  if (p != end || digits == 0 || digits > 19 || mantissa > kLargestExactInteger) return false;
  const double magnitude = static_cast<double>(mantissa) / kExactPowersOf10[fraction_digits];
  value = negative ? -magnitude : magnitude;
  return true;
}

// Plain ASCII with an exponent: parse_decimal's grammar exactly.
bool is_plain_decimal(std::string_view text) {
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
      return false;
    }
  }
  return true;
}

bool is_currency_symbol(char32_t c) {
  switch (c) {
    case U'$':
    case 0x20AC:  // €
    case 0x00A3:  // £
    case 0x00A5:  // ¥
    case 0xFFE5:  // ￥ (full-width yen/yuan, outside the folded block)
    case 0xFFE1:  // ￡
    case 0x20A9:  // ₩
    case 0x20B9:  // ₹
    case 0x5143:  // 元
    case 0x5706:  // 圆
    case 0x5186:  // 円
    case 0x5757:  // 块
      return true;
    default:
      return false;
  }
}

bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// Length in bytes of the currency word starting at p (letters already known to start there), or
// 0 when the letters are not a currency.
std::size_t currency_word_length(const char* p, const char* end) {
  std::array<char, 4> word{};
  std::size_t letters = 0;
  const char* q = p;
  while (q != end) {
    const Unit unit = read_unit(q, end);
    if (!is_letter(unit.code)) break;
    if (letters == word.size()) return 0;
    word[letters++] = static_cast<char>(cell_text::ascii_lower(unit.code));
    q += unit.length;
  }
  const std::string_view text(word.data(), letters);
  if (letters == 2 && q != end && read_unit(q, end).code == U'$' &&
      (text == "us" || text == "hk" || text == "nt")) {
    return static_cast<std::size_t>(q - p) + static_cast<std::size_t>(read_unit(q, end).length);
  }
  if (letters != 3) return 0;
  for (const std::string_view code : {"usd", "eur", "gbp", "jpy", "cny", "rmb", "hkd", "twd", "ntd",
                                      "sgd", "aud", "cad", "chf", "krw", "inr"}) {
    if (text == code) return static_cast<std::size_t>(q - p);
  }
  return 0;
}

constexpr std::string_view kRenminbi = "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81";  // 人民币

enum class Phase { before, integer, fraction, exponent, after };

// Everything but plain ASCII: folds the cell into "[-]digits[.digits][e[-]digits]" and explains
// what is wrong when it cannot.
Result<double> parse_general(std::string_view text, NumberStyle style) {
  constexpr std::size_t kMaxDigits = 300;
  // Left uninitialized: zeroing 300 bytes per cell would cost more than reading it.
  std::array<char, kMaxDigits> digits;
  std::size_t digit_count = 0;
  std::size_t integer_digits = 0;

  const char32_t decimal_mark = style.decimal == ',' ? U',' : U'.';
  const char32_t group_mark = style.decimal == ',' ? U'.' : U',';
  const char* const more_than_one_decimal =
      style.decimal == ',' ? "more than one decimal comma" : "more than one decimal point";

  Phase phase = Phase::before;
  int signs = 0;
  bool negative = false;
  bool parenthesis_open = false;
  bool parenthesis_closed = false;
  int percents = 0;
  int currencies = 0;
  char32_t group_separator = 0;  // 0 until the first one
  int group_length = 0;          // digits since the last separator (or the start)
  int exponent = 0;
  bool exponent_negative = false;

  // Leaving the integer part: the last group must be complete.
  auto integer_ends_well = [&] { return group_separator == 0 || group_length == 3; };

  const char* p = text.data();
  const char* const end = p + text.size();
  while (p != end) {
    const Unit unit = read_unit(p, end);
    const char32_t c = unit.code;
    const char* const next = p + unit.length;

    if (cell_text::is_digit(c)) {
      switch (phase) {
        case Phase::before:
          phase = Phase::integer;
          [[fallthrough]];
        case Phase::integer:
          ++group_length;
          ++integer_digits;
          [[fallthrough]];
        case Phase::fraction:
          if (digit_count == kMaxDigits) return reason("too many digits");
          digits[digit_count++] = static_cast<char>(c);
          break;
        case Phase::exponent:
          if (exponent < 100000) exponent = exponent * 10 + static_cast<int>(c - U'0');
          break;
        case Phase::after:
          return reason("not a number");
      }
      p = next;
      continue;
    }

    if (c == decimal_mark) {
      if (phase == Phase::fraction) return reason(more_than_one_decimal);
      if (phase == Phase::integer && !integer_ends_well()) {
        return reason("thousands separator in the wrong place");
      }
      if (phase != Phase::before && phase != Phase::integer) return reason("not a number");
      phase = Phase::fraction;
      p = next;
      continue;
    }

    const bool spaced_group = cell_text::is_space(c) && phase == Phase::integer && next != end &&
                              cell_text::is_digit(read_unit(next, end).code);
    if (c == group_mark || spaced_group) {
      if (phase != Phase::integer) {
        if (phase == Phase::fraction || phase == Phase::before) {
          return reason("thousands separator in the wrong place");
        }
        return reason("not a number");
      }
      const char32_t separator = spaced_group ? U' ' : c;
      const bool first = group_separator == 0;
      if ((!first && separator != group_separator) || (first && group_length > 3) ||
          (!first && group_length != 3) || group_length == 0) {
        return reason("thousands separator in the wrong place");
      }
      group_separator = separator;
      group_length = 0;
      p = next;
      continue;
    }

    if (cell_text::is_space(c)) {
      if (phase == Phase::integer && !integer_ends_well()) {
        return reason("thousands separator in the wrong place");
      }
      if (phase != Phase::before) phase = Phase::after;
      p = next;
      continue;
    }

    if ((c == U'e' || c == U'E') && (phase == Phase::integer || phase == Phase::fraction) &&
        digit_count > 0 && next != end) {
      const char* q = next;
      Unit after_e = read_unit(q, end);
      const bool sign = after_e.code == U'+' || after_e.code == U'-';
      if (sign) {
        q += after_e.length;
        if (q != end) after_e = read_unit(q, end);
      }
      if (q != end && cell_text::is_digit(after_e.code)) {
        if (phase == Phase::integer && !integer_ends_well()) {
          return reason("thousands separator in the wrong place");
        }
        exponent_negative = sign && read_unit(next, end).code == U'-';
        phase = Phase::exponent;
        p = q;
        continue;
      }
    }

    if (c == U'+' || c == U'-' || c == U'(') {
      if (phase != Phase::before) {
        const std::string_view rest = cell_text::trim(std::string_view(next, end - next));
        return reason(rest.empty() && c != U'(' ? "sign after the number" : "not a number");
      }
      if (++signs > 1) return reason("more than one sign");
      negative = c != U'+';
      parenthesis_open = c == U'(';
      p = next;
      continue;
    }

    if (c == U')' || c == U'%') {
      if (phase == Phase::before) return reason("not a number");
      if (phase == Phase::integer && !integer_ends_well()) {
        return reason("thousands separator in the wrong place");
      }
      phase = Phase::after;
      if (c == U'%') {
        if (++percents > 1) return reason("more than one percent sign");
      } else {
        if (!parenthesis_open || parenthesis_closed) return reason("unbalanced parentheses");
        parenthesis_closed = true;
      }
      p = next;
      continue;
    }

    std::size_t currency_length = 0;
    if (is_currency_symbol(c)) {
      currency_length = static_cast<std::size_t>(unit.length);
    } else if (is_letter(c)) {
      currency_length = currency_word_length(p, end);
    } else if (std::string_view(p, end - p).starts_with(kRenminbi)) {
      currency_length = kRenminbi.size();
    }
    if (currency_length == 0) return reason("not a number");
    if (++currencies > 1) return reason("more than one currency");
    if (phase == Phase::integer && !integer_ends_well()) {
      return reason("thousands separator in the wrong place");
    }
    if (phase != Phase::before) phase = Phase::after;
    p += currency_length;
  }

  if (phase == Phase::integer && !integer_ends_well()) {
    return reason("thousands separator in the wrong place");
  }
  if (digit_count == 0) return reason(text.empty() ? "empty" : "not a number");
  if (parenthesis_open != parenthesis_closed) return reason("unbalanced parentheses");
  if (percents > 0 && currencies > 0) return reason("both a currency and a percent sign");

  // The percent is folded into the exponent, so that "12.3%" reads exactly as 0.123 rather than
  // as 12.3 / 100.
  const int exponent_total = (exponent_negative ? -exponent : exponent) - (percents > 0 ? 2 : 0);
  const int scale = exponent_total - static_cast<int>(digit_count - integer_digits);
  if (digit_count <= 19 && scale >= -22 && scale <= 22) {
    std::uint64_t mantissa = 0;
    for (std::size_t i = 0; i < digit_count; ++i) {
      mantissa = mantissa * 10 + static_cast<unsigned>(digits[i] - '0');
    }
    if (mantissa <= kLargestExactInteger) {
      const auto whole = static_cast<double>(mantissa);
      const double magnitude =
          scale >= 0 ? whole * kExactPowersOf10[scale] : whole / kExactPowersOf10[-scale];
      return negative ? -magnitude : magnitude;
    }
  }
  // Long or extreme values: "[-]digits[.digits]e<exponent>" for parse_decimal's exact slow path.
  std::array<char, kMaxDigits + 16> plain;
  std::size_t length = 0;
  if (negative) plain[length++] = '-';
  for (std::size_t i = 0; i < integer_digits; ++i) plain[length++] = digits[i];
  if (integer_digits == 0) plain[length++] = '0';
  if (digit_count > integer_digits) {
    plain[length++] = '.';
    for (std::size_t i = integer_digits; i < digit_count; ++i) plain[length++] = digits[i];
  }
  if (exponent_total != 0) {
    plain[length++] = 'e';
    int magnitude = exponent_total;
    if (magnitude < 0) {
      plain[length++] = '-';
      magnitude = -magnitude;
    }
    std::array<char, 8> reversed{};
    std::size_t n = 0;
    do {
      reversed[n++] = static_cast<char>('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude != 0);
    while (n != 0) plain[length++] = reversed[--n];
  }
  const auto value = parse_decimal(std::string_view(plain.data(), length));
  if (!value) return reason("too large");
  return *value;
}

}  // namespace

Result<double> parse_number_cell(std::string_view cell, NumberStyle style) {
  const std::string_view text = cell_text::trim(cell);
  if (text.empty()) return reason("empty");
  double value = 0;
  if (read_simple(text, style.decimal, value)) return value;
  if (style.decimal != ',' && is_plain_decimal(text)) {
    if (const auto parsed = parse_decimal(text)) return *parsed;
  }
  return parse_general(text, style);
}

NumberStyle detect_number_style(std::span<const std::string_view> samples) {
  constexpr std::size_t kMaxSamples = 5000;
  int comma_decimals = 0;
  int point_decimals = 0;
  std::size_t looked_at = 0;
  for (const std::string_view sample : samples) {
    if (looked_at++ == kMaxSamples) break;
    int points = 0;
    int commas = 0;
    char32_t last_mark = 0;
    int digits_after_last_mark = 0;
    bool counting = true;  // digits right after the last mark, up to an exponent or a suffix
    const char* p = sample.data();
    const char* const end = p + sample.size();
    while (p != end) {
      const Unit unit = read_unit(p, end);
      p += unit.length;
      if (unit.code == U'.' || unit.code == U',') {
        (unit.code == U'.' ? points : commas) += 1;
        last_mark = unit.code;
        digits_after_last_mark = 0;
        counting = true;
      } else if (cell_text::is_digit(unit.code)) {
        if (counting) ++digits_after_last_mark;
      } else {
        counting = false;
      }
    }
    if (points > 0 && commas > 0) {
      (last_mark == U',' ? comma_decimals : point_decimals) += 1;
    } else if (commas == 1) {
      if (digits_after_last_mark != 3) ++comma_decimals;
    } else if (commas > 1) {
      ++point_decimals;  // "1,234,567": commas group, so the point is the decimal mark
    } else if (points == 1) {
      if (digits_after_last_mark != 3) ++point_decimals;
    } else if (points > 1) {
      ++comma_decimals;  // "1.234.567": points group, so the comma is the decimal mark
    }
  }
  NumberStyle style;
  if (comma_decimals > 0 && point_decimals == 0) style.decimal = ',';
  return style;
}

}  // namespace servimetrics
