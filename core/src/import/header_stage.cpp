// Decides whether a file has a header line, maps columns by position, and starts the kind's table.
#include "import/header_stage.hpp"

#include <algorithm>

#include "base/format.hpp"
#include "cells/cell_text.hpp"
#include "import/header_detection.hpp"
#include "import/table_builder.hpp"
#include "servimetrics/data_kinds.hpp"

namespace servimetrics {
namespace {

constexpr std::size_t kCellsShown = 20;

// The cells of a row as the report and messages show them (the first 20, each cut at 40).
nlohmann::json row_json(std::span<const std::string_view> cells) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t c = 0; c < cells.size() && c < kCellsShown; ++c) {
    out.push_back(shortened(cell_text::trim(cells[c]), 40));
  }
  return out;
}

// "00001, 19970101, 1, 11.77"
std::string row_text(std::span<const std::string_view> cells) {
  std::string text;
  for (std::size_t c = 0; c < cells.size() && c < kCellsShown; ++c) {
    text += (c > 0 ? ", " : "") + shortened(cell_text::trim(cells[c]), 40);
  }
  return text + (cells.size() > kCellsShown ? ", …" : "");
}

std::string no_header_text(std::span<const std::string_view> first) {
  return "the file has no header line: its first row (" + row_text(first) + ") is data, so its " +
         std::to_string(first.size()) + " columns are known by position only";
}

Error headerless_needs_kind(std::span<const std::string_view> first) {
  return Error{.input = "file",
               .message = no_header_text(first) +
                          "; choose the kind of data and the column of each field (1 to " +
                          std::to_string(first.size()) + ")",
               .code = "headerless_needs_kind",
               .params = {{"first_row", row_json(first)}, {"columns", first.size()}}};
}

// The builder's "no column for ..." of a headerless file, said in terms of positions: the
// required fields without a column, and the first alternative of each group none of which has.
Error headerless_needs_mapping(const Error& missing, std::span<const std::string_view> first) {
  nlohmann::json fields = missing.params.value("missing", nlohmann::json::array());
  const nlohmann::json one_of = missing.params.value("one_of", nlohmann::json::array());
  if (!one_of.empty() && one_of[0].is_array()) {
    for (const auto& id : one_of[0]) fields.push_back(id);
  }
  std::string list;
  for (const auto& id : fields) list += (list.empty() ? "" : ", ") + id.get<std::string>();
  return Error{.input = "file",
               .message = no_header_text(first) + "; map each field to its column (1 to " +
                          std::to_string(first.size()) + "): still without a column: " + list,
               .code = "headerless_needs_mapping",
               .params = {{"kind", missing.params.value("kind", "")},
                          {"missing", std::move(fields)},
                          {"first_row", row_json(first)},
                          {"columns", first.size()}}};
}

}  // namespace

bool ImportSession::HeaderStage::fail(Error error) {
  if (!session_.error_) session_.error_ = std::move(error);
  return false;
}

bool ImportSession::HeaderStage::row(std::uint64_t line, std::span<const std::string_view> fields) {
  switch (state_) {
    case State::rows:
      return session_.builder_->row(line, fields);
    case State::first:
      first_line_ = line;
      first_.assign(fields.begin(), fields.end());
      state_ = State::waiting;
      return session_.options_.header == HeaderRow::detect || decide({}, false);
    case State::waiting:
      return decide(fields, true) && session_.builder_->row(line, fields);
  }
  return false;
}

bool ImportSession::HeaderStage::flush() {
  return state_ != State::waiting || decide({}, false);
}

// A mapping that names a cell of a headerless file's first row ("C001", as if it were a header)
// means that cell's column: the row stays data.
void ImportSession::HeaderStage::name_first_row_cells(std::span<const std::string_view> first,
                                                      const std::vector<std::string>& names) {
  for (auto& [field, header] : session_.options_.mapping) {
    // "3" is the third column's own name, whatever the first row holds.
    if (std::find(names.begin(), names.end(), header) != names.end()) continue;
    for (std::size_t c = 0; c < first.size() && !header.empty(); ++c) {
      if (normalize_header(first[c]) == normalize_header(header)) {
        header = names[c];
        break;
      }
    }
  }
}

bool ImportSession::HeaderStage::resolve_positions(const std::vector<std::string>& names) {
  for (const auto& [field, position] : session_.options_.positions) {
    if (position == 0 || position > names.size()) {
      return fail(Error{
          .input = "file",
          .message = "the mapping puts " + shortened(field, 40) + " in column " +
                     std::to_string(position) + ", but the file has " +
                     std::to_string(names.size()) + " columns",
          .code = "mapping_position_missing",
          .params = {
              {"field", shortened(field, 40)}, {"position", position}, {"columns", names.size()}}});
    }
    session_.options_.mapping[field] = names[position - 1];
  }
  return true;
}

bool ImportSession::HeaderStage::choose_kind(bool headerless) {
  if (session_.builder_) return true;
  const std::vector<std::string_view> first(first_.begin(), first_.end());
  if (headerless) return fail(headerless_needs_kind(first));
  const KindSpec* kind = guess_kind(first);
  if (kind == nullptr) return fail(no_kind_fits_error());
  session_.options_.kind = kind->id;
  session_.builder_ = std::make_unique<TableBuilder>(*kind, session_.options_);
  session_.builder_->fed(session_.chunk_start_, session_.bytes_);
  return true;
}

bool ImportSession::HeaderStage::decide(std::span<const std::string_view> second, bool has_second) {
  state_ = State::rows;
  const ImportOptions& options = session_.options_;
  const std::vector<std::string_view> first(first_.begin(), first_.end());
  const bool headerless =
      options.header == HeaderRow::absent ||
      (options.header == HeaderRow::detect && first_row_is_data(first, second, has_second));
  session_.file_["header_row"] = !headerless;
  std::vector<std::string> names;
  for (std::size_t c = 0; c < first.size(); ++c) {
    names.push_back(headerless ? std::to_string(c + 1) : std::string(cell_text::trim(first[c])));
  }
  if (headerless) {
    nlohmann::json rows = nlohmann::json::array();  // not {row}: that copies the row itself
    rows.push_back(row_json(first));
    if (has_second) rows.push_back(row_json(second));
    session_.file_["first_rows"] = std::move(rows);
  }
  if (headerless) name_first_row_cells(first, names);
  if (!resolve_positions(names) || !choose_kind(headerless)) return false;
  TableBuilder& builder = *session_.builder_;
  if (!headerless) return builder.row(first_line_, first);
  const std::vector<std::string_view> header(names.begin(), names.end());
  if (!builder.row(first_line_, header)) {
    const auto& problem = builder.problem();
    if (problem && problem->code.rfind("not_this_kind", 0) == 0) {
      return fail(headerless_needs_mapping(*problem, first));
    }
    return false;
  }
  return builder.row(first_line_, first);
}

}  // namespace servimetrics
