// Number, date and yes/no cells of users' spreadsheet exports, read in place without allocating.
// Formats are decided once per column from a sample (detect_number_style, detect_date_format),
// shown to the user, and then applied to every row: a row is never reinterpreted on its own.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cells/calendar.hpp"
#include "servimetrics/imported_table.hpp"
#include "servimetrics/result.hpp"

namespace servimetrics {

// ---- Numbers -------------------------------------------------------------------------------

// The decimal mark of a column. With '.', ',' (and '，') groups thousands; with ',' (European
// files), '.' groups thousands: "1.234,5" -> 1234.5. Spaces, NBSP and thin spaces group thousands
// in both.
struct NumberStyle {
  char decimal = '.';
};

// ',' only when the samples clearly use decimal commas ("3,5", "1.234,56") and none clearly uses a
// decimal point ("3.5", "1,234.5"); "1,234" or "1.234" alone decide nothing.
NumberStyle detect_number_style(std::span<const std::string_view> samples);

// Numbers as people type them. Accepted, around [+-]digits[.digits][e[+-]digits]:
//   - one sign: '+', '-', U+2212 minus, full-width '＋' '－'; or accounting parentheses
//     "(1,234.00)" -> -1234 (also full-width '（' '）'); a sign may come before or after a currency
//     prefix ("$-5", "-$5");
//   - thousands grouped by 3 (first group 1 to 3 digits), one separator kind per cell;
//   - full-width digits, '．' and '，' ("１２３．４５");
//   - at most one currency, before or after: $ € £ ¥ ￥ ＄ ￡ ₩ ₹, US$ HK$ NT$ S$, the codes USD
//   EUR GBP
//     JPY CNY RMB HKD TWD NTD SGD AUD CAD CHF KRW INR (any case), 元 圆 円 块, and the prefix
//     人民币;
//   - a trailing '%' or '％': the value is divided by 100 ("12.5%" -> 0.125);
//   - surrounding spaces, tabs, NBSP, U+202F, U+2009 and U+3000.
// Error.message is a short reason ("empty", "not a number", "more than one decimal point",
// "thousands separator in the wrong place", "too large", "more than one sign", ...); Error.input
// is left empty for the caller to fill with the column. Whether a percent is acceptable for a
// field is the caller's decision.
Result<double> parse_number_cell(std::string_view cell, NumberStyle style = {});

// The currency a number cell is written with, as the page names it to the user: "$", "€", "£",
// "¥" (also for "￥"), "₩", "₹", "元", "圆", "円", "块", "人民币", "US$", "HK$", "NT$", "S$" or a
// code in capitals ("TWD", "RMB"); empty when the cell has none. What parse_number_cell would skip,
// without checking the rest of the cell: the import counts them per column to suggest the file's
// currency.
std::string currency_mark(std::string_view cell);

// ---- Dates ---------------------------------------------------------------------------------

struct DateFormat {
  // iso and ymd read the same texts (year first, separators '-', '/' or '.'); they differ only in
  // the label. mdy and dmy take 2- or 4-digit years; cjk is "2024年1月5日"; compact is "20240105";
  // excel_serial is Excel's 1900 day count, with the time of day as the fraction; roc is the
  // Republic of China (民國) calendar of Taiwan, year + 1911: "113/01/05", "113-1-5", "113.01.05",
  // "113年1月5日", "民國113年1月5日" (also 民国, and spaces between the parts) are 2024-01-05.
  enum class Order { iso, ymd, mdy, dmy, cjk, compact, excel_serial, roc };
  Order order = Order::iso;
  // What the page shows, e.g. "YYYY-MM-DD", "YYYY/M/D", "M/D/YYYY", "DD/MM/YYYY",
  // "YYYY年M月D日", "YYYYMMDD", "Excel serial number", plus " h:mm", " h:mm:ss" or " h:mm AM/PM"
  // when the sample has times.
  std::string label;
};

// Every date order once: its name in requests and import reports, and its usual label.
struct DateOrderName {
  DateFormat::Order order;
  std::string_view name;     // "iso", "ymd", "mdy", "dmy", "cjk", "compact", "excel_serial"
  std::string_view label;    // "YYYY-MM-DD", "YYYY/M/D", ...
  std::string_view example;  // "2024-01-31"
};
inline constexpr std::array<DateOrderName, 8> kDateOrders = {{
    {DateFormat::Order::iso, "iso", "YYYY-MM-DD", "2024-01-31"},
    {DateFormat::Order::ymd, "ymd", "YYYY/M/D", "2024/1/31"},
    {DateFormat::Order::mdy, "mdy", "M/D/YYYY", "1/31/2024"},
    {DateFormat::Order::dmy, "dmy", "D/M/YYYY", "31/1/2024"},
    {DateFormat::Order::cjk, "cjk", "YYYY\u5E74M\u6708D\u65E5", "2024\u5E741\u670831\u65E5"},
    {DateFormat::Order::compact, "compact", "YYYYMMDD", "20240131"},
    {DateFormat::Order::excel_serial, "excel_serial", "Excel serial number", "45322"},
    {DateFormat::Order::roc, "roc", "\u6C11\u570BYYY/MM/DD", "113/01/31"},
}};

inline std::optional<DateFormat::Order> date_order_from_name(std::string_view name) {
  for (const DateOrderName& entry : kDateOrders) {
    if (entry.name == name) return entry.order;
  }
  return std::nullopt;
}
inline const DateOrderName& date_order_entry(DateFormat::Order order) {
  for (const DateOrderName& entry : kDateOrders) {
    if (entry.order == order) return entry;
  }
  return kDateOrders[0];
}

struct DateDetection {
  DateFormat format;
  bool ambiguous = false;  // month/day and day/month both read every sample: M/D was chosen
  std::string note;        // why this format, and what the user may want to check
  // The note's sentences as messages [{"code", "params", "message"}], for the page.
  nlohmann::json note_parts = nlohmann::json::array();
};

// Picks the one format that reads all non-blank samples (the first 5000 are looked at), or all but
// 1% of them: those rows are rejected later, each with its reason. Month/day against day/month is
// decided by the values: a first part above 12 means D/M, a second part above 12 means M/D (the
// order reading more samples wins); when nothing decides, M/D/YYYY with ambiguous = true.
// Two-digit years follow Excel: 00-29 are 2000-2029, 30-99 are 1930-1999. 民國 (ROC) years are
// chosen only with evidence no other order could read: a value written with 民國, or a year of
// three digits from 100 to 150 ("113/01/05"); then a note gives a conversion ("113/01/05" ->
// 2024-01-05). Error when no format
// reads enough samples, naming the closest one and a value it cannot read, and when the values
// are only years ("2024" would otherwise read as an Excel serial of 1905).
Result<DateDetection> detect_date_format(std::span<const std::string_view> samples);

// Seconds since 1970-01-01 00:00, the file's own clock. Accepted for every order: an optional time
// after a space (or 'T' for year-first dates) as h:mm, h:mm:ss, h:mm:ss.fff (fractions of a second
// are dropped), an optional AM/PM (or 上午/下午), and an optional 'Z' or offset ("+08:00",
// "+0800", "+08"): a date with an offset is converted to UTC, so durations across offsets stay
// right. Full-width digits are read. The calendar is checked ("no such day: February has 28 days
// in 2023"); years 1900 to 2200 only. Excel serials: 1 is 1900-01-01; 60, Excel's non-existent
// 1900-02-29, is rejected; from 61 on, serial n is 1899-12-30 plus n days.
Result<Timestamp> parse_date_cell(std::string_view cell, const DateFormat& format);

// Calendar helpers (timestamp_from_civil, civil_from_timestamp, format_date) are in calendar.hpp.

// ---- Yes/no --------------------------------------------------------------------------------

// Case-insensitive, full-width folded, surrounding spaces ignored.
//   true:  yes y true t 1 1.0 是 有 对 對 √ ✓ ✔
//   false: no n false f 0 0.0 否 无 無 没有 沒有 错 錯 × ✗ ✘
// Field words such as "urgent"/"normal" are not here: they mean yes/no only for one field, so the
// caller that knows the field maps them.
Result<bool> parse_flag_cell(std::string_view cell);

}  // namespace servimetrics
