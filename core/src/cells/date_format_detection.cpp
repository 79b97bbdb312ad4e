// Choosing a date column's one format from a sample of its values: every order is tried on every
// sample, the one reading (nearly) all of them wins, and its label says how the dates are written.
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cells/calendar.hpp"
#include "cells/cell_text.hpp"
#include "cells/cell_values.hpp"
#include "cells/date_reading.hpp"

namespace servimetrics {
namespace {

using Order = DateFormat::Order;

constexpr std::size_t kMaxSamples = 5000;

// Year-first dates are read once for iso and ymd (the same reader); the separator tells them apart.
// 民國 (ROC) dates come last, so that any tie goes to the Gregorian reading.
constexpr std::array<Order, 7> kCandidates = {Order::iso, Order::cjk, Order::compact,
                                              Order::mdy, Order::dmy, Order::excel_serial,
                                              Order::roc};
constexpr std::size_t kMdyIndex = 3;
constexpr std::size_t kDmyIndex = 4;
constexpr std::size_t kRocIndex = 6;
// Three-digit 民國 years that no other reading has: 100 to 150 are 2011 to 2061.
constexpr int kRocEvidenceFirstYear = 100;
constexpr int kRocEvidenceLastYear = 150;
constexpr int kRocYearOffset = 1911;

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// How the successful samples of the chosen order were written.
struct ShapeSummary {
  std::size_t dashes = 0;
  std::size_t slashes = 0;
  std::size_t dots = 0;
  bool all_padded = true;
  bool all_two_digit_years = true;
  bool any_time = false;
  bool any_seconds = false;
  bool any_meridiem = false;
  bool any_offset = false;
  bool any_two_digit_year = false;
  std::size_t read = 0;   // samples the order reads
  std::size_t era = 0;    // 民國 dates written with 民國
  std::size_t words = 0;  // 民國 dates written with 年月日
};

ShapeSummary summarize(std::span<const std::string_view> values, Order order) {
  ShapeSummary summary;
  for (const std::string_view value : values) {
    const date_reading::Reading reading = date_reading::read(value, order);
    if (reading.problem != date_reading::Problem::none) continue;
    const date_reading::Shape& shape = reading.shape;
    ++summary.read;
    summary.era += shape.era ? 1 : 0;
    summary.words += shape.words ? 1 : 0;
    if (shape.separator == U'-') ++summary.dashes;
    if (shape.separator == U'/') ++summary.slashes;
    if (shape.separator == U'.') ++summary.dots;
    summary.all_padded = summary.all_padded && shape.padded;
    summary.all_two_digit_years = summary.all_two_digit_years && shape.two_digit_year;
    summary.any_two_digit_year = summary.any_two_digit_year || shape.two_digit_year;
    summary.any_time = summary.any_time || shape.time;
    summary.any_seconds = summary.any_seconds || shape.seconds;
    summary.any_meridiem = summary.any_meridiem || shape.meridiem;
    summary.any_offset = summary.any_offset || shape.offset;
  }
  return summary;
}

char separator_of(const ShapeSummary& summary) {
  if (summary.slashes >= summary.dashes && summary.slashes >= summary.dots) return '/';
  return summary.dashes >= summary.dots ? '-' : '.';
}

// "YYY/MM/DD", "民國YYY年M月D日": how most of the column's 民國 dates are written.
std::string roc_label(const ShapeSummary& summary) {
  const std::string era = summary.era * 2 > summary.read ? "\u6C11\u570B" : "";  // 民國
  const std::string month = summary.all_padded ? "MM" : "M";
  const std::string day = summary.all_padded ? "DD" : "D";
  if (summary.words * 2 > summary.read) {
    return era + "YYY\u5E74" + month + "\u6708" + day + "\u65E5";  // 年 月 日
  }
  const char separator = separator_of(summary);
  return era + "YYY" + separator + month + separator + day;
}

std::string label_of(Order order, const ShapeSummary& summary) {
  std::string label;
  const char separator = separator_of(summary);
  const std::string month = summary.all_padded ? "MM" : "M";
  const std::string day = summary.all_padded ? "DD" : "D";
  const std::string year = summary.all_two_digit_years ? "YY" : "YYYY";
  switch (order) {
    case Order::iso:
    case Order::ymd:
      label = "YYYY" + std::string(1, separator) + month + separator + day;
      break;
    case Order::mdy:
      label = month + separator + day + separator + year;
      break;
    case Order::dmy:
      label = day + separator + month + separator + year;
      break;
    case Order::cjk:
    case Order::compact:
      label = date_reading::default_label(order);
      break;
    case Order::roc:
      label = roc_label(summary);
      break;
    case Order::excel_serial:
      return summary.any_time ? "Excel serial number (fraction = time of day)"
                              : "Excel serial number";
  }
  if (summary.any_time) {
    label += summary.any_seconds ? " h:mm:ss" : " h:mm";
    if (summary.any_meridiem) label += " AM/PM";
  }
  return label;
}

void add_sentence(DateDetection& detection, const std::string& sentence, const char* code,
                  nlohmann::json params = nlohmann::json::object()) {
  if (!detection.note.empty()) detection.note += ' ';
  detection.note += sentence;
  detection.note_parts.push_back(
      {{"code", code}, {"params", std::move(params)}, {"message", sentence}});
}

using Values = std::vector<std::string_view>;
using Counts = std::array<std::size_t, kCandidates.size()>;

// The first value `by` cannot read ("" when it reads them all).
std::string_view first_unread(const Values& values, Order by) {
  for (const std::string_view value : values) {
    if (date_reading::read(value, by).problem != date_reading::Problem::none) return value;
  }
  return {};
}

// Whole numbers from 1900 to 2200 are Excel serials of 1905 to 1906, and far more likely years.
bool all_years(const Values& values) {
  for (const std::string_view value : values) {
    const std::string_view text = cell_text::trim(value);
    bool is_year = text.size() == 4 && text >= "1900" && text <= "2200";
    for (const char c : text) is_year = is_year && c >= '0' && c <= '9';
    if (!is_year) return false;
  }
  return true;
}

// Why the best candidate is not good enough, if it is not.
std::optional<Error> refusal(const Values& values, const DateFormat& format, std::size_t read) {
  const std::size_t total = values.size();
  if (read == 0) {
    const std::string_view value = cell_text::trim(values.front());
    return Error{.message = "No date format fits the column: " + quoted(value) +
                            " is not written in any of the date formats the calculator reads.",
                 .code = "date_no_format_fits",
                 .params = {{"value", value}}};
  }
  // 1% of the values may be unreadable (those rows are rejected, each with its reason); one always
  // may in a column of three or more, so a single typo in a small file does not stop the import.
  const std::size_t tolerated = std::max(total / 100, total >= 3 ? std::size_t{1} : std::size_t{0});
  if (total - read > tolerated) {
    const std::string_view example = cell_text::trim(first_unread(values, format.order));
    const Error why =
        date_reading::describe_error(date_reading::read(example, format.order), format);
    return Error{.message = "No date format fits the column: the closest, " + format.label +
                            ", reads " + std::to_string(read) + " of " + std::to_string(total) +
                            " values; it cannot read " + quoted(example) + " (" + why.message +
                            ").",
                 .code = "date_format_fits_too_few",
                 .params = {{"format", format.label},
                            {"read", read},
                            {"total", total},
                            {"value", example},
                            {"problem", why.code},
                            {"problem_params", why.params}}};
  }
  if (format.order == Order::excel_serial && all_years(values)) {
    const std::string_view value = cell_text::trim(values.front());
    return Error{.message = "The column holds years such as " + quoted(value) +
                            ", not dates: a date needs a month and a day.",
                 .code = "date_years_only",
                 .params = {{"value", value}}};
  }
  return std::nullopt;
}

// Month/day against day/month: ambiguous, or the value that decided it.
void note_day_month(DateDetection& detection, const Values& values, const Counts& read,
                    const ShapeSummary& summary) {
  const Order order = detection.format.order;
  if (read[kMdyIndex] == read[kDmyIndex]) {  // M/D/YYYY and D/M/YYYY read the same values
    detection.ambiguous = true;
    add_sentence(detection,
                 "Every date here reads both as month/day and as day/month (no part is above "
                 "12), so they are read as " +
                     detection.format.label + "; switch to " + label_of(Order::dmy, summary) +
                     " if the file puts the day first.",
                 "date_note_ambiguous",
                 {{"format", detection.format.label}, {"other", label_of(Order::dmy, summary)}});
    return;
  }
  // A value the other order cannot read is the evidence.
  const Order other = order == Order::mdy ? Order::dmy : Order::mdy;
  std::string_view evidence;
  for (const std::string_view value : values) {
    if (date_reading::read(value, order).problem == date_reading::Problem::none &&
        date_reading::read(value, other).problem != date_reading::Problem::none) {
      evidence = cell_text::trim(value);
      break;
    }
  }
  add_sentence(detection,
               std::string(order == Order::dmy ? "Day first" : "Month first") + ": " +
                   quoted(evidence) + " has a day above 12 in the " +
                   (order == Order::dmy ? "first" : "second") + " place.",
               order == Order::dmy ? "date_note_day_first" : "date_note_month_first",
               {{"value", std::string(evidence)}});
}

// A value only the 民國 calendar reads: written with 民國, or with a three-digit year from 100 to
// 150 (no Gregorian layout has three-digit years). Without one, a column such as "12/01/05" is
// never taken for 民國 12 (1923): the Gregorian orders read it, and say so when ambiguous.
bool has_roc_evidence(const Values& values) {
  for (const std::string_view value : values) {
    const date_reading::Reading reading = date_reading::read(value, Order::roc);
    if (reading.problem != date_reading::Problem::none) continue;
    const int year = civil_from_timestamp(reading.time).year - kRocYearOffset;
    if (reading.shape.era || (reading.shape.year_digits == 3 && year >= kRocEvidenceFirstYear &&
                              year <= kRocEvidenceLastYear)) {
      return true;
    }
  }
  return false;
}

// The 民國 calendar stated with one conversion, and the values another order would also have read.
void note_roc(DateDetection& detection, const Values& values) {
  std::string_view example;
  std::string_view also_other;
  std::size_t also_other_count = 0;
  for (const std::string_view value : values) {
    if (date_reading::read(value, Order::roc).problem != date_reading::Problem::none) continue;
    if (example.empty()) example = cell_text::trim(value);
    for (const Order other : kCandidates) {
      if (other != Order::roc &&
          date_reading::read(value, other).problem == date_reading::Problem::none) {
        if (also_other_count++ == 0) also_other = cell_text::trim(value);
        break;
      }
    }
  }
  const std::string date =
      format_date(date_reading::read(example, Order::roc).time);  // "2024-01-05"
  add_sentence(detection,
               "Years are \u6C11\u570B (Republic of China) years, read as year + 1911: " +
                   quoted(example) + " is " + date + ".",
               "date_note_roc_calendar", {{"value", std::string(example)}, {"date", date}});
  if (also_other_count == 0) return;
  const std::string other_date = format_date(date_reading::read(also_other, Order::roc).time);
  add_sentence(detection,
               std::to_string(also_other_count) + " of " + std::to_string(values.size()) +
                   " sampled values could also be read as Gregorian dates (for example " +
                   quoted(also_other) + "); like the rest of the column they are read as " +
                   "\u6C11\u570B years: " + other_date + ".",
               "date_note_roc_also_gregorian",
               {{"count", also_other_count},
                {"sampled", values.size()},
                {"value", std::string(also_other)},
                {"date", other_date}});
}

// What the user may want to check about the chosen format.
void add_notes(DateDetection& detection, const Values& values, const Counts& read,
               std::size_t failures, const ShapeSummary& summary) {
  const Order order = detection.format.order;
  if (order == Order::mdy || order == Order::dmy) note_day_month(detection, values, read, summary);
  if (order == Order::roc) note_roc(detection, values);
  if (summary.any_two_digit_year) {
    add_sentence(detection,
                 "Two-digit years are read as Excel reads them: 00-29 as 2000-2029, 30-99 as "
                 "1930-1999.",
                 "date_note_two_digit_years");
  }
  if (summary.any_offset) {
    add_sentence(detection, "Times with a time zone are converted to UTC.", "date_note_utc");
  }
  if (order == Order::excel_serial) {
    add_sentence(detection,
                 "Excel serial numbers count days in Excel's 1900 date system (1 is 1900-01-01).",
                 "date_note_excel_serial");
  }
  if (failures > 0) {
    const std::string_view example = first_unread(values, order);
    const date_reading::Reading reading = date_reading::read(example, order);
    const Error why = date_reading::describe_error(reading, detection.format);
    add_sentence(detection,
                 std::to_string(failures) + " of " + std::to_string(values.size()) +
                     " sampled values do not fit (for example " + quoted(cell_text::trim(example)) +
                     ": " + date_reading::describe(reading, detection.format) +
                     "); such rows are rejected.",
                 "date_note_some_do_not_fit",
                 {{"failures", failures},
                  {"sampled", values.size()},
                  {"value", std::string(cell_text::trim(example))},
                  {"why", {{"code", why.code}, {"params", why.params}, {"message", why.message}}}});
  }
}

}  // namespace

Result<DateDetection> detect_date_format(std::span<const std::string_view> samples) {
  Values values;
  values.reserve(samples.size() < kMaxSamples ? samples.size() : kMaxSamples);
  for (const std::string_view sample : samples) {
    if (values.size() == kMaxSamples) break;
    if (!cell_text::trim(sample).empty()) values.push_back(sample);
  }
  if (values.empty()) {
    return Error{.message = "The column has no values to tell its date format from.",
                 .code = "date_no_values"};
  }

  Counts read{};
  for (const std::string_view value : values) {
    for (std::size_t i = 0; i < kCandidates.size(); ++i) {
      if (date_reading::read(value, kCandidates[i]).problem == date_reading::Problem::none) {
        ++read[i];
      }
    }
  }
  if (read[kRocIndex] > 0 && !has_roc_evidence(values)) read[kRocIndex] = 0;
  // The first candidate with the most readings; on a tie M/D comes before D/M.
  std::size_t best = 0;
  for (std::size_t i = 1; i < kCandidates.size(); ++i) {
    if (read[i] > read[best]) best = i;
  }
  Order order = kCandidates[best];
  const ShapeSummary summary = summarize(values, order);
  if (order == Order::iso && separator_of(summary) != '-') order = Order::ymd;
  const DateFormat format{order, label_of(order, summary)};
  if (auto refused = refusal(values, format, read[best])) return *std::move(refused);

  DateDetection detection{format, false, {}};
  add_notes(detection, values, read, values.size() - read[best], summary);
  return detection;
}

}  // namespace servimetrics
