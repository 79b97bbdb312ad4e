// Number cells as people type them (currency, thousands, percent, accounting parentheses,
// full-width digits): one pass over the cell on the stack; only very long values go on to
// parse_decimal's exact slow path.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/number_parser.hpp"
#include "cells/cell_text.hpp"
#include "cells/cell_values.hpp"

namespace servimetrics {
namespace {

using cell_text::read_unit;
using cell_text::Unit;

// Every reason the reader gives, each with its one code (docs/codes/import.md).
enum class Why {
  empty,
  not_a_number,
  too_many_digits,
  too_large,
  misplaced_separator,
  two_decimal_points,
  two_decimal_commas,
  sign_after,
  two_signs,
  two_percent_signs,
  unbalanced_parentheses,
  two_currencies,
  currency_and_percent,
};

Error reason(Why why) {
  auto error = [](const char* code, const char* message) {
    return Error{.message = message, .code = code};
  };
  switch (why) {
    case Why::empty:
      return error("cell_empty", "empty");
    case Why::not_a_number:
      return error("cell_not_a_number", "not a number");
    case Why::too_many_digits:
      return error("number_too_many_digits", "too many digits");
    case Why::too_large:
      return error("number_too_large", "too large");
    case Why::misplaced_separator:
      return error("number_misplaced_separator", "thousands separator in the wrong place");
    case Why::two_decimal_points:
      return error("number_two_decimal_points", "more than one decimal point");
    case Why::two_decimal_commas:
      return error("number_two_decimal_commas", "more than one decimal comma");
    case Why::sign_after:
      return error("number_sign_after", "sign after the number");
    case Why::two_signs:
      return error("number_two_signs", "more than one sign");
    case Why::two_percent_signs:
      return error("number_two_percent_signs", "more than one percent sign");
    case Why::unbalanced_parentheses:
      return error("number_unbalanced_parentheses", "unbalanced parentheses");
    case Why::two_currencies:
      return error("number_two_currencies", "more than one currency");
    case Why::currency_and_percent:
      return error("number_currency_and_percent", "both a currency and a percent sign");
  }
  return error("cell_not_a_number", "not a number");
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
  const bool dollar_prefix = text == "us" || text == "hk" || text == "nt" || text == "s";
  if (letters <= 2 && dollar_prefix && q != end && read_unit(q, end).code == U'$') {
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
// what is wrong when it cannot. One step per character; each kind of character has its handler.
class GeneralReader {
 public:
  GeneralReader(std::string_view text, NumberStyle style)
      : text_(text),
        p_(text.data()),
        end_(text.data() + text.size()),
        decimal_mark_(style.decimal == ',' ? U',' : U'.'),
        group_mark_(style.decimal == ',' ? U'.' : U','),
        two_decimal_marks_(style.decimal == ',' ? Why::two_decimal_commas
                                                : Why::two_decimal_points) {}

  Result<double> read() {
    while (p_ != end_) {
      if (const auto why = step()) return reason(*why);
    }
    if (const auto why = finish()) return reason(*why);
    return value();
  }

 private:
  static constexpr std::size_t kMaxDigits = 300;
  using Step = std::optional<Why>;

  // Reads the character at p_ and moves past it (or past the currency word it starts).
  Step step() {
    const Unit unit = read_unit(p_, end_);
    const char32_t c = unit.code;
    const char* const next = p_ + unit.length;
    if (cell_text::is_digit(c)) return advance(digit(c), next);
    if (c == decimal_mark_) return advance(decimal_mark(), next);
    const bool spaced_group = cell_text::is_space(c) && phase_ == Phase::integer && next != end_ &&
                              cell_text::is_digit(read_unit(next, end_).code);
    if (c == group_mark_ || spaced_group) return advance(group(spaced_group ? U' ' : c), next);
    if (cell_text::is_space(c)) return advance(space(), next);
    if ((c == U'e' || c == U'E') && starts_exponent(next)) return std::nullopt;
    if (c == U'+' || c == U'-' || c == U'(') return advance(sign(c, next), next);
    if (c == U')' || c == U'%') return advance(suffix(c), next);
    return currency(unit);
  }

  Step advance(Step why, const char* next) {
    p_ = next;
    return why;
  }

  // Leaving the integer part: the last group must be complete.
  [[nodiscard]] bool integer_ends_well() const {
    return group_separator_ == 0 || group_length_ == 3;
  }
  [[nodiscard]] bool integer_ends_badly() const {
    return phase_ == Phase::integer && !integer_ends_well();
  }

  Step digit(char32_t c) {
    switch (phase_) {
      case Phase::before:
        phase_ = Phase::integer;
        [[fallthrough]];
      case Phase::integer:
        ++group_length_;
        ++integer_digits_;
        [[fallthrough]];
      case Phase::fraction:
        if (digit_count_ == kMaxDigits) return Why::too_many_digits;
        digits_[digit_count_++] = static_cast<char>(c);
        return std::nullopt;
      case Phase::exponent:
        if (exponent_ < 100000) exponent_ = exponent_ * 10 + static_cast<int>(c - U'0');
        return std::nullopt;
      case Phase::after:
        return Why::not_a_number;
    }
    return std::nullopt;
  }

  Step decimal_mark() {
    if (phase_ == Phase::fraction) return two_decimal_marks_;
    if (integer_ends_badly()) return Why::misplaced_separator;
    if (phase_ != Phase::before && phase_ != Phase::integer) return Why::not_a_number;
    phase_ = Phase::fraction;
    return std::nullopt;
  }

  Step group(char32_t separator) {
    if (phase_ != Phase::integer) {
      if (phase_ == Phase::fraction || phase_ == Phase::before) return Why::misplaced_separator;
      return Why::not_a_number;
    }
    const bool first = group_separator_ == 0;
    if ((!first && separator != group_separator_) || (first && group_length_ > 3) ||
        (!first && group_length_ != 3) || group_length_ == 0) {
      return Why::misplaced_separator;
    }
    group_separator_ = separator;
    group_length_ = 0;
    return std::nullopt;
  }

  Step space() {
    if (integer_ends_badly()) return Why::misplaced_separator;
    if (phase_ != Phase::before) phase_ = Phase::after;
    return std::nullopt;
  }

  // An 'e' followed by digits (with an optional sign) after digits starts the exponent: moves past
  // the 'e' and its sign. Else the 'e' is left for the currency reader.
  bool starts_exponent(const char* next) {
    if ((phase_ != Phase::integer && phase_ != Phase::fraction) || digit_count_ == 0 ||
        next == end_) {
      return false;
    }
    const char* q = next;
    Unit after_e = read_unit(q, end_);
    const bool sign = after_e.code == U'+' || after_e.code == U'-';
    if (sign) {
      q += after_e.length;
      if (q != end_) after_e = read_unit(q, end_);
    }
    if (q == end_ || !cell_text::is_digit(after_e.code)) return false;
    if (integer_ends_badly()) {
      failed_ = Why::misplaced_separator;
      p_ = end_;
      return true;
    }
    exponent_negative_ = sign && read_unit(next, end_).code == U'-';
    phase_ = Phase::exponent;
    p_ = q;
    return true;
  }

  Step sign(char32_t c, const char* next) {
    if (phase_ != Phase::before) {
      const std::string_view rest = cell_text::trim(std::string_view(next, end_ - next));
      return rest.empty() && c != U'(' ? Why::sign_after : Why::not_a_number;
    }
    if (++signs_ > 1) return Why::two_signs;
    negative_ = c != U'+';
    parenthesis_open_ = c == U'(';
    return std::nullopt;
  }

  // A closing parenthesis or a percent sign.
  Step suffix(char32_t c) {
    if (phase_ == Phase::before) return Why::not_a_number;
    if (integer_ends_badly()) return Why::misplaced_separator;
    phase_ = Phase::after;
    if (c == U'%') {
      if (++percents_ > 1) return Why::two_percent_signs;
      return std::nullopt;
    }
    if (!parenthesis_open_ || parenthesis_closed_) return Why::unbalanced_parentheses;
    parenthesis_closed_ = true;
    return std::nullopt;
  }

  Step currency(const Unit& unit) {
    std::size_t length = 0;
    if (is_currency_symbol(unit.code)) {
      length = static_cast<std::size_t>(unit.length);
    } else if (is_letter(unit.code)) {
      length = currency_word_length(p_, end_);
    } else if (std::string_view(p_, end_ - p_).starts_with(kRenminbi)) {
      length = kRenminbi.size();
    }
    if (length == 0) return Why::not_a_number;
    if (++currencies_ > 1) return Why::two_currencies;
    if (integer_ends_badly()) return Why::misplaced_separator;
    if (phase_ != Phase::before) phase_ = Phase::after;
    p_ += length;
    return std::nullopt;
  }

  // The checks once the whole cell is read.
  [[nodiscard]] Step finish() const {
    if (failed_) return failed_;
    if (integer_ends_badly()) return Why::misplaced_separator;
    if (digit_count_ == 0) return text_.empty() ? Why::empty : Why::not_a_number;
    if (parenthesis_open_ != parenthesis_closed_) return Why::unbalanced_parentheses;
    if (percents_ > 0 && currencies_ > 0) return Why::currency_and_percent;
    return std::nullopt;
  }

  // The percent is folded into the exponent, so that "12.3%" reads exactly as 0.123 rather than
  // as 12.3 / 100.
  [[nodiscard]] int exponent_total() const {
    return (exponent_negative_ ? -exponent_ : exponent_) - (percents_ > 0 ? 2 : 0);
  }

  [[nodiscard]] Result<double> value() const {
    const int scale = exponent_total() - static_cast<int>(digit_count_ - integer_digits_);
    if (digit_count_ <= 19 && scale >= -22 && scale <= 22) {
      std::uint64_t mantissa = 0;
      for (std::size_t i = 0; i < digit_count_; ++i) {
        mantissa = mantissa * 10 + static_cast<unsigned>(digits_[i] - '0');
      }
      if (mantissa <= kLargestExactInteger) {
        const auto whole = static_cast<double>(mantissa);
        const double magnitude =
            scale >= 0 ? whole * kExactPowersOf10[scale] : whole / kExactPowersOf10[-scale];
        return negative_ ? -magnitude : magnitude;
      }
    }
    return slow_value();
  }

  // Long or extreme values: "[-]digits[.digits]e<exponent>" for parse_decimal's exact slow path.
  [[nodiscard]] Result<double> slow_value() const {
    std::array<char, kMaxDigits + 16> plain;
    std::size_t length = 0;
    if (negative_) plain[length++] = '-';
    for (std::size_t i = 0; i < integer_digits_; ++i) plain[length++] = digits_[i];
    if (integer_digits_ == 0) plain[length++] = '0';
    if (digit_count_ > integer_digits_) {
      plain[length++] = '.';
      for (std::size_t i = integer_digits_; i < digit_count_; ++i) plain[length++] = digits_[i];
    }
    if (const int total = exponent_total(); total != 0) {
      plain[length++] = 'e';
      int magnitude = total;
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
    if (!value) return reason(Why::too_large);
    return *value;
  }

  std::string_view text_;
  const char* p_;
  const char* end_;
  char32_t decimal_mark_;
  char32_t group_mark_;
  Why two_decimal_marks_;
  // Left uninitialized: zeroing 300 bytes per cell would cost more than reading it.
  std::array<char, kMaxDigits> digits_;
  std::size_t digit_count_ = 0;
  std::size_t integer_digits_ = 0;
  Phase phase_ = Phase::before;
  int signs_ = 0;
  bool negative_ = false;
  bool parenthesis_open_ = false;
  bool parenthesis_closed_ = false;
  int percents_ = 0;
  int currencies_ = 0;
  char32_t group_separator_ = 0;  // 0 until the first one
  int group_length_ = 0;          // digits since the last separator (or the start)
  int exponent_ = 0;
  bool exponent_negative_ = false;
  Step failed_;  // a reason found while looking ahead (an exponent after a broken group)
};

}  // namespace

Result<double> parse_number_cell(std::string_view cell, NumberStyle style) {
  const std::string_view text = cell_text::trim(cell);
  if (text.empty()) return reason(Why::empty);
  double value = 0;
  if (read_simple(text, style.decimal, value)) return value;
  if (style.decimal != ',' && is_plain_decimal(text)) {
    if (const auto parsed = parse_decimal(text)) return *parsed;
  }
  return GeneralReader(text, style).read();
}

std::string currency_mark(std::string_view cell) {
  const char* p = cell.data();
  const char* const end = p + cell.size();
  while (p != end) {
    const Unit unit = read_unit(p, end);
    if (unit.code == 0xFFE5) return "\xC2\xA5";  // ￥ as ¥
    if (unit.code == 0xFFE1) return "\xC2\xA3";  // ￡ as £
    if (is_currency_symbol(unit.code)) {
      // Folded full-width '＄' is '$'; the others as written.
      return unit.code == U'$' ? "$" : std::string(p, static_cast<std::size_t>(unit.length));
    }
    if (is_letter(unit.code)) {
      const std::size_t length = currency_word_length(p, end);
      if (length == 0) return {};  // a word, not a currency: not a money cell
      std::string word;
      for (const char* q = p; q != p + length;) {
        const Unit letter = read_unit(q, p + length);
        word += static_cast<char>(is_letter(letter.code) ? letter.code & ~0x20U : U'$');
        q += letter.length;
      }
      return word;
    }
    if (std::string_view(p, static_cast<std::size_t>(end - p)).starts_with(kRenminbi)) {
      return std::string(kRenminbi);
    }
    p += unit.length;
  }
  return {};
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
