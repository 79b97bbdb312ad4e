// From a finished import to the answer the page and the CLI show: the kind's analysis, with the
// import report beside it. Also reads import requests from JSON.
#include "servimetrics/file_analysis.hpp"

#include <cmath>

#include "analyze/analyze.hpp"
#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "analyze/survival_period.hpp"
#include "base/format.hpp"
#include "cells/cell_values.hpp"
#include "servimetrics/data_kinds.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

// The kind's analysis; an error "unknown_kind" for a table of a kind no analysis is for.
json analyze_kind(const ImportedTable& table, const AnalyzeOptions& options) {
  const TableRowLimit rows(options.table_rows);
  if (const KindAnalysis* kind = find_kind_analysis(table.kind)) {
    return kind->analyze(table, options);
  }
  json answer = empty_kind_answer();
  answer["errors"].push_back(error_json(unknown_kind_error(table.kind)));
  return answer;
}

// A gross margin may be negative (a loss-making segment: down to -1000%, as a typed one); a
// discount rate may not.
Result<double> fraction_option(const json& j, const char* name) {
  const json& value = j[name];
  const double min = std::string_view(name) == "gross_margin" ? -10 : 0;
  if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < min ||
      value.get<double>() > 1) {
    return input_error(name,
                       std::string(name) + " must be a number from " + format_number(min) + " to 1",
                       "option_not_fraction", {{"option", name}, {"min", min}, {"max", 1}});
  }
  return value.get<double>();
}

// A file read without a header line says so: its first row was data, its columns positions.
void note_headerless(json& answer) {
  if (!answer.contains("import")) return;
  const json& report = answer["import"];
  const json file = report.value("file", json::object());
  if (file.value("header_row", true)) return;
  const json rows = file.value("first_rows", json::array());
  const json first_row = rows.is_array() && !rows.empty() ? rows[0] : json::array();
  std::string cells;
  for (const json& cell : first_row) {
    cells += (cells.empty() ? "" : ", ") + cell.get<std::string>();
  }
  const std::size_t columns = report.contains("header") ? report["header"].size() : 0;
  add_note(answer, "no_header_line",
           "The file has no header line: its first row (" + cells +
               ") was read as data, and its columns by position (1 to " + std::to_string(columns) +
               ").",
           {{"first_row", first_row}, {"columns", columns}});
}

}  // namespace

Result<std::pair<ImportOptions, AnalyzeOptions>> import_request_from_json(const json& j) {
  ImportOptions import;
  AnalyzeOptions analysis;
  if (!j.is_object()) {
    return input_error("", "the import request must be a JSON object", "import_request_not_object");
  }
  for (const auto& [key, value] : j.items()) {
    if (key == "kind" && value.is_string()) {
      import.kind = value.get<std::string>();
    } else if (key == "encoding" && value.is_string()) {
      import.encoding = value.get<std::string>();
    } else if (key == "delimiter" && value.is_string()) {
      const std::string d = value.get<std::string>();
      if (d == "tab")
        import.delimiter = '\t';
      else if (d == "spaces" || d == " ")
        import.delimiter = ' ';
      else if (d.size() == 1)
        import.delimiter = d[0];
      else if (!d.empty())
        return input_error(key, "delimiter must be one character, tab or spaces", "bad_delimiter",
                           {{"delimiter", shortened(d, 40)}});
    } else if (key == "size" && value.is_number_unsigned()) {
      import.size = value.get<std::uint64_t>();
    } else if (key == "memory_limit_mb" && value.is_number() && value.get<double>() >= 1 &&
               value.get<double>() <= 1e7) {
      import.memory_limit = static_cast<std::uint64_t>(value.get<double>() * 1024 * 1024);
    } else if (key == "sheet" && value.is_number_unsigned()) {
      import.sheet = value.get<std::size_t>();
    } else if (key == "header" && (value.is_boolean() || value == "auto")) {
      import.header = value.is_string()   ? HeaderRow::detect
                      : value.get<bool>() ? HeaderRow::present
                                          : HeaderRow::absent;
    } else if ((key == "mapping" || key == "date_formats") && value.is_object()) {
      for (const auto& [field, target] : value.items()) {
        if (key == "mapping" && target.is_number()) {
          if (!target.is_number_unsigned() || target.get<std::size_t>() == 0) {
            return input_error("mapping." + field,
                               "mapping." + field + " must be a column position: 1, 2, 3, ...",
                               "mapping_bad_position", {{"field", shortened(field, 40)}});
          }
          import.positions[field] = target.get<std::size_t>();
          continue;
        }
        if (!target.is_string() && !target.is_null()) {
          return input_error(key + "." + field, key + "." + field + " must be text or null",
                             "option_entry_not_text", {{"option", key}, {"field", field}});
        }
        (key == "mapping" ? import.mapping : import.date_formats)[field] =
            target.is_string() ? target.get<std::string>() : std::string();
      }
    } else if (key == "decimal" && value.is_string() &&
               (value == "." || value == "," || value == "")) {
      import.decimal = value == "" ? '\0' : value.get<std::string>()[0];
    } else if (key == "period" && value.is_string() &&
               (value == "week" || value == "month" || value == "quarter" || value == "year")) {
      analysis.period = value.get<std::string>();
      analysis.period_given = true;
    } else if (key == "scale" && value.is_string() &&
               (value == "" || value == "nps" || value == "csat")) {
      analysis.scale = value.get<std::string>();
    } else if (key == "as_of" && value.is_string()) {
      auto time = parse_date_cell(value.get<std::string>(),
                                  DateFormat{DateFormat::Order::iso, "YYYY-MM-DD"});
      if (!time.ok()) {
        return input_error(key, "as_of must be a date such as 2024-12-31", "bad_as_of",
                           {{"example", "2024-12-31"}});
      }
      analysis.as_of = time.value();
    } else if (key == "gross_margin" || key == "discount_rate") {
      auto fraction = fraction_option(j, key.c_str());
      if (!fraction.ok()) return fraction.error();
      (key == "gross_margin" ? analysis.gross_margin : analysis.discount_rate) = fraction.value();
    } else if (key == "value_per_period") {
      if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0) {
        return input_error(key, "value_per_period must be a number of 0 or more",
                           "option_not_value", {{"option", key}});
      }
      analysis.value_per_period = value.get<double>();
    } else {
      return input_error(key, "unknown or malformed import option '" + shortened(key, 40) + "'",
                         "unknown_import_option", {{"option", shortened(key, 40)}});
    }
  }
  return std::make_pair(std::move(import), std::move(analysis));
}

namespace {

// The value the rejected rows carry (transactions), which every figure of the answer leaves out.
void note_rejected_value(json& answer) {
  const json& report = answer["import"];
  if (!report.contains("rejected_value") || !answer.contains("notes")) return;
  const auto rows = report["rows_rejected"].get<std::uint64_t>();
  const json& share = report["rejected_value_share"];
  if (rows == 0 || !share.is_number()) return;
  const double value = report["rejected_value"].get<double>();
  add_note(answer, "rejected_value",
           std::to_string(rows) + " rejected rows carry " + format_number(value) + " (" +
               format_number(share.get<double>() * 100) +
               "% of the file's value), which every figure here leaves out.",
           {{"count", rows}, {"amount", value}, {"share", share}});
}

}  // namespace

json analyze_session(const ImportSession& session, const AnalyzeOptions& options) {
  // An unknown kind stops before any file is read, so there is nothing to report on.
  const bool reported = !session.error() || session.error()->input != "kind";
  json report = reported ? session.report() : json();
  json answer;
  if (session.error()) {
    answer = {{"kpis", json::array()}, {"errors", json::array({error_json(*session.error())})}};
  } else {
    AnalyzeOptions used = options;
    const std::optional<std::string> period_header = session.table().kind == "survival_table"
                                                         ? guess_survival_period(report, used)
                                                         : std::nullopt;
    answer = analyze_kind(session.table(), used);
    if (period_header)
      add_note(answer, "survival_period_from_header",
               "A period is read as a " + used.period + " from the column header '" +
                   *period_header + "'; choose another length if it is not.",
               {{"column", *period_header}, {"period", used.period}});
    if (session.table().rows() == 0) {
      answer["errors"].insert(answer["errors"].begin(),
                              error_json({.kpi = {},
                                          .input = "file",
                                          .message = "no usable rows: every row of the file was "
                                                     "rejected (see the rejects for why)",
                                          .code = "no_usable_rows"}));
    }
  }
  answer["kind"] = session.table().kind;
  if (reported) {
    answer["import"] = std::move(report);
    note_rejected_value(answer);
  }
  if (!session.error()) note_headerless(answer);
  return answer;
}

json analyze_file(std::string_view bytes, const ImportOptions& import,
                  const AnalyzeOptions& analysis) {
  ImportSession session(import);
  if (session.feed(bytes)) session.finish();
  return analyze_session(session, analysis);
}

json analyze(std::string_view kind, std::string_view text) {
  ImportOptions import;
  import.kind = kind;
  return analyze_file(text, import, AnalyzeOptions{});
}

json analyze_spend(std::string_view text) {
  return analyze("spend", text);
}

}  // namespace servimetrics
