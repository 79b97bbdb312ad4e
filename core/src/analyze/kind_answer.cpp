// Building blocks of the per-kind answers: measures, tables, notes and the catalog KPIs of the
// inputs derived from a data file.
#include "analyze/kind_answer.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "base/format.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {

using json = nlohmann::json;

json empty_kind_answer() {
  return {{"kpis", json::array()},     {"errors", json::array()},  {"inputs", json::object()},
          {"measures", json::array()}, {"tables", json::object()}, {"notes", json::array()}};
}

json answer_without_rows(json answer) {
  add_note(answer, "no_rows", "The file has no usable rows, so nothing is computed.");
  return answer;
}

const ImportedColumn* find_column(const ImportedTable& table, std::string_view field_id,
                                  FieldType type) {
  const ImportedColumn* column = table.column(field_id);
  if (column == nullptr || column->type != type) return nullptr;
  const std::size_t rows = table.rows();
  switch (type) {
    case FieldType::text:
    case FieldType::category:
      return column->codes.size() >= rows ? column : nullptr;
    case FieldType::number:
      return column->numbers.size() >= rows ? column : nullptr;
    case FieldType::date:
      return column->times.size() >= rows ? column : nullptr;
    case FieldType::flag:
      return column->flags.size() >= rows ? column : nullptr;
  }
  return nullptr;
}

std::string_view text_of_cell(const ImportedColumn* column, std::size_t row) {
  if (column == nullptr) return {};
  const std::uint32_t code = column->codes[row];
  if (code == kNoCode || code >= column->dictionary.size()) return {};
  return column->dictionary.text(code);
}

json text_or_null(const ImportedColumn* column, std::size_t row) {
  const std::string_view text = text_of_cell(column, row);
  return text.empty() ? json() : json(std::string(text));
}

json time_or_null(Timestamp t) {
  if (t == kNoTime) return nullptr;
  constexpr Timestamp kDay = 86400;
  return t % kDay == 0 ? format_date(t) : format_date_time(t);
}

json finite_or_null(double value) {
  return std::isfinite(value) ? json(value) : json();
}

json share_or_null(double part, double whole) {
  if (!(whole > 0)) return nullptr;
  return finite_or_null(part / whole);
}

void add_measure(json& answer, std::string_view id, double value, std::string_view unit) {
  answer["measures"].push_back({{"id", id}, {"value", finite_or_null(value)}, {"unit", unit}});
}

void add_count(json& answer, std::string_view id, std::uint64_t count) {
  answer["measures"].push_back({{"id", id}, {"value", count}, {"unit", "count"}});
}

void add_note(json& answer, std::string_view id, std::string message, json params) {
  add_note_as(answer, id, id, std::move(message), std::move(params));
}

void add_note_as(json& answer, std::string_view id, std::string_view code, std::string message,
                 json params) {
  if (!params.is_object()) params = json::object();
  answer["notes"].push_back(
      {{"id", id}, {"code", code}, {"message", std::move(message)}, {"params", std::move(params)}});
}

namespace {

thread_local std::size_t row_limit = kTableRowLimit;

}  // namespace

std::size_t table_row_limit() {
  return row_limit;
}

TableRowLimit::TableRowLimit(std::size_t rows) : previous_(row_limit) {
  row_limit = rows;
}

TableRowLimit::~TableRowLimit() {
  row_limit = previous_;
}

namespace {

// Sums of huge amounts can overflow; such a cell becomes null rather than Infinity.
void null_non_finite(json& value) {
  if (value.is_number_float() && !std::isfinite(value.get<double>())) {
    value = nullptr;
  } else if (value.is_structured()) {
    for (json& item : value) null_non_finite(item);
  }
}

}  // namespace

void add_table(json& answer, std::string_view name, const std::vector<std::string_view>& columns,
               json rows, std::size_t total_rows) {
  if (!rows.is_array()) rows = json::array();
  null_non_finite(rows);
  total_rows = std::max(total_rows, rows.size());
  if (rows.size() > table_row_limit()) {
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(table_row_limit()), rows.end());
  }
  json units = json::array();
  for (const std::string_view column : columns) {
    const std::string_view unit = table_column_unit(column);
    units.push_back(unit.empty() ? "number" : unit);
  }
  answer["tables"][std::string(name)] = {{"columns", columns},
                                         {"units", std::move(units)},
                                         {"rows", std::move(rows)},
                                         {"total_rows", total_rows}};
}

bool is_blank_code(const ImportedColumn& column, std::uint32_t code) {
  if (code == kNoCode || code >= column.dictionary.size()) return true;
  for (const char c : column.dictionary.text(code)) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

std::vector<std::uint8_t> blank_codes(const ImportedColumn& column) {
  std::vector<std::uint8_t> blank(column.dictionary.size());
  for (std::uint32_t code = 0; code < blank.size(); ++code) {
    blank[code] = is_blank_code(column, code) ? 1 : 0;
  }
  return blank;
}

TextBuckets text_buckets(const ImportedColumn& column) {
  TextBuckets buckets;
  buckets.of_code.resize(column.dictionary.size());
  const std::vector<std::uint8_t> blank = blank_codes(column);
  for (std::uint32_t code = 0; code < buckets.of_code.size(); ++code) {
    if (blank[code] != 0) continue;
    buckets.of_code[code] = static_cast<std::uint32_t>(buckets.names.size());
    buckets.names.emplace_back(column.dictionary.text(code));
  }
  buckets.blank = static_cast<std::uint32_t>(buckets.names.size());
  buckets.names.emplace_back("(blank)");
  for (std::uint32_t code = 0; code < buckets.of_code.size(); ++code) {
    if (blank[code] != 0) buckets.of_code[code] = buckets.blank;
  }
  return buckets;
}

std::int64_t day_of(Timestamp t) {
  constexpr std::int64_t kSecondsPerDay = 86400;
  return t / kSecondsPerDay - (t % kSecondsPerDay < 0 ? 1 : 0);
}

void add_catalog_kpis(json& answer, json inputs) {
  if (!inputs.is_object()) inputs = json::object();
  std::string dropped;
  json dropped_ids = json::array();
  for (auto it = inputs.begin(); it != inputs.end();) {
    const bool finite = !it->is_number_float() || std::isfinite(it->get<double>());
    if (finite) {
      ++it;
      continue;
    }
    dropped += (dropped.empty() ? "" : ", ") + it.key();
    dropped_ids.push_back(it.key());
    it = inputs.erase(it);
  }
  if (!dropped.empty()) {
    add_note(answer, "input_too_large",
             "These inputs are too large to compute and are left out: " + dropped + ".",
             {{"inputs", std::move(dropped_ids)}});
  }
  json result = compute({{"inputs", inputs}});
  for (const char* part : {"kpis", "errors"}) {
    const auto found = result.find(part);
    if (found == result.end() || !found->is_array()) continue;
    for (json& item : *found) answer[part].push_back(std::move(item));
  }
  answer["inputs"] = std::move(inputs);
}

std::string SetAsideRows::lines_text() const {
  std::string text = lines_.size() == 1 ? "line " : "lines ";
  const std::size_t more = count_ - lines_.size();
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (i > 0) text += (i + 1 == lines_.size() && more == 0) ? " and " : ", ";
    text += std::to_string(lines_[i]);
  }
  if (more > 0) text += " and " + format_count(more) + " more";
  return text;
}

json SetAsideRows::params() const {
  return {{"count", count_}, {"lines", lines_}, {"more", count_ - lines_.size()}};
}

Period analysis_period(const AnalyzeOptions& options, json& answer) {
  Period period = Period::month;
  if (!options.period.empty() && !period_from_name(options.period, period)) {
    add_note(answer, "unknown_period",
             "The period '" + options.period.substr(0, 40) +
                 "' is not month, quarter or year, so months are used.",
             {{"period", options.period.substr(0, 40)}});
    period = Period::month;
  }
  return period;
}

double nearest_rank_percentile(std::span<double> values, int percent) {
  if (values.empty()) return std::nan("");
  const std::size_t n = values.size();
  const auto p = static_cast<std::size_t>(std::clamp(percent, 0, 100));
  const std::size_t rank = std::max<std::size_t>(1, (p * n + 99) / 100);
  const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank - 1);
  std::nth_element(values.begin(), nth, values.end());
  return *nth;
}

}  // namespace servimetrics
