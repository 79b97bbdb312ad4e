// Header mapping, per-column formats and row-by-row parsing into typed columns; a row is used
// whole or rejected whole, with the first reason found.
#include "import/table_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/format.hpp"
#include "cells/cell_text.hpp"

namespace servimetrics {
namespace {

// How many of a column's sample cells carry each currency ("NT$": 120): the page suggests the
// file's currency from them (web/src/lib/currency-guess.ts).
nlohmann::json currency_marks(std::span<const std::string_view> samples) {
  nlohmann::json marks = nlohmann::json::object();
  for (const std::string_view cell : samples) {
    if (std::string mark = currency_mark(cell); !mark.empty()) {
      marks[mark] = marks.value(mark, 0) + 1;
    }
  }
  return marks;
}

// The most rows reserved up front from the announced file size (a 1.4 GB file of 80-byte rows):
// a request may announce any size, and a lie must not become an allocation that cannot succeed.
// Past it the columns grow as they would with no size given.
constexpr double kMaxReservedRows = 1 << 24;
// The share of the sample's estimate reserved at first: the first rows can be shorter or longer
// than the file's (ids "C1" to "C400" in a file of "C1000000"s made it 26% too many). When they
// are filled, the rows per byte read so far size the rest within a few percent. An eighth: the
// first reserve is left as a hole below the table, and the million's wasm memory was 279 MB with
// a quarter, 239 MB with an eighth, 267 MB with a sixteenth (where the 20% steps fall).
constexpr double kFirstReserveShare = 0.125;
// Above the estimate from the bytes read: the rest of the file may have longer or shorter rows.
constexpr double kReserveMargin = 1.02;

using cell_text::trim;

// Bytes one row takes in a column of this type (text and category: a dictionary code).
std::uint64_t column_value_bytes(FieldType type) {
  switch (type) {
    case FieldType::text:
    case FieldType::category:
      return sizeof(std::uint32_t);
    case FieldType::number:
      return sizeof(double);
    case FieldType::date:
      return sizeof(Timestamp);
    case FieldType::flag:
      return sizeof(std::uint8_t);
  }
  return sizeof(double);
}

std::string list_fields(const std::vector<std::string_view>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += ids[i];
  }
  return out;
}

// The format a user chose for a column; the label comes from detection when it agrees.
DateFormat date_format_for(DateFormat::Order order, std::span<const std::string_view> samples) {
  if (auto detected = detect_date_format(samples);
      detected.ok() && detected.value().format.order == order) {
    return detected.value().format;
  }
  return {order, std::string(date_order_entry(order).label)};
}

// "iso, ymd, mdy, dmy, cjk, compact, excel_serial"
std::string date_order_names() {
  std::string out;
  for (const DateOrderName& entry : kDateOrders) {
    out += (out.empty() ? "" : ", ") + std::string(entry.name);
  }
  return out;
}

nlohmann::json id_list(const std::vector<std::string_view>& ids) {
  nlohmann::json out = nlohmann::json::array();
  for (const std::string_view id : ids) out.push_back(std::string(id));
  return out;
}

// A group of alternatives ("amount, or quantity and unit_price") and its fields as params.
std::string alternatives_text(const std::vector<std::vector<std::string_view>>& group) {
  std::string wanted;
  for (std::size_t a = 0; a < group.size(); ++a) {
    wanted += (a > 0 ? ", or " : "") + list_fields(group[a]);
  }
  return wanted;
}

nlohmann::json alternatives_params(const std::vector<std::vector<std::string_view>>& group) {
  nlohmann::json alternatives = nlohmann::json::array();
  nlohmann::json options = nlohmann::json::array();
  for (const auto& alternative : group) {
    alternatives.push_back(id_list(alternative));
    for (const std::string_view id : alternative) options.push_back(std::string(id));
  }
  return {{"alternatives", std::move(alternatives)}, {"options", std::move(options)}};
}

}  // namespace

TableBuilder::TableBuilder(const KindSpec& kind, const ImportOptions& options)
    : kind_(kind), options_(options) {
  table_.kind = kind.id;
  for (const FieldSpec& field : kind.fields) {
    table_.field_ids.emplace_back(field.id);
    ImportedColumn column;
    column.type = field.type;
    table_.columns.push_back(std::move(column));
    const nlohmann::json named = {{"field", std::string(field.id)}};
    empty_reasons_.push_back(
        reason_index(std::string(field.id) + " is empty", "field_empty", named));
    negative_reasons_.push_back(
        reason_index(std::string(field.id) + " must not be negative", "field_negative", named));
  }
  cells_.resize(kind.fields.size());
  // The kind's alternatives as field indexes, so rows are checked without comparing names.
  for (const auto& group : kind.one_of) {
    one_of_reasons_.push_back(reason_index("the row has no " + alternatives_text(group),
                                           "row_missing_alternatives", alternatives_params(group)));
    auto& indexes = one_of_.emplace_back();
    for (const auto& alternative : group) {
      auto& fields = indexes.emplace_back();
      for (const std::string_view id : alternative) {
        fields.push_back(static_cast<std::size_t>(field_index(kind, id)));
      }
    }
  }
  date_formats_.resize(kind.fields.size(), DateFormat{DateFormat::Order::iso, "YYYY-MM-DD"});
  number_styles_.resize(kind.fields.size());
  last_dates_.resize(kind.fields.size());
  if (kind.id == "transactions") {
    amount_field_ = field_index(kind, "amount");
    quantity_field_ = field_index(kind, "quantity");
    unit_price_field_ = field_index(kind, "unit_price");
  }
}

bool TableBuilder::read_header(std::span<const std::string_view> fields) {
  header_seen_ = true;
  for (const std::string_view f : fields) header_.emplace_back(trim(f));
  std::vector<std::string_view> trimmed(header_.begin(), header_.end());
  mapping_ = guess_mapping(kind_, trimmed);
  guessed_.assign(kind_.fields.size(), true);
  if (!apply_chosen_mapping() || refuse_missing_columns()) return false;
  for (std::size_t f = 0; f < kind_.fields.size(); ++f)
    table_.columns[f].present = mapping_[f] >= 0;
  return true;
}

bool TableBuilder::apply_chosen_mapping() {
  for (const auto& [field_id, header] : options_.mapping) {
    const int f = field_index(kind_, field_id);
    if (f < 0) {
      problem_ =
          Error{.message = "the mapping names a field '" + shortened(field_id, 40) + "' that " +
                           std::string(kind_.id) + " files do not have",
                .code = "mapping_unknown_field",
                .params = {{"field", shortened(field_id, 40)}, {"kind", std::string(kind_.id)}}};
      return false;
    }
    int column = -1;
    for (std::size_t c = 0; c < header_.size() && !header.empty(); ++c) {
      if (header_[c] == header || normalize_header(header_[c]) == normalize_header(header)) {
        column = static_cast<int>(c);
        break;
      }
    }
    if (!header.empty() && column < 0) {
      problem_ = Error{.message = "the mapping puts " + field_id + " in a column '" +
                                  shortened(header, 40) + "' that the file does not have",
                       .code = "mapping_unknown_column",
                       .params = {{"field", field_id}, {"column", shortened(header, 40)}}};
      return false;
    }
    // A column taken by another field's guess moves to this field.
    for (int& other : mapping_) other = other == column && column >= 0 ? -1 : other;
    mapping_[static_cast<std::size_t>(f)] = column;
    guessed_[static_cast<std::size_t>(f)] = false;
  }
  return true;
}

bool TableBuilder::refuse_missing_columns() {
  auto missing = missing_fields_error(kind_, mapping_, header_);
  if (!missing) return false;
  problem_ = std::move(*missing);
  return true;
}

bool TableBuilder::decide_date_format(std::size_t f, const std::string& header,
                                      std::span<const std::string_view> samples) {
  const FieldSpec& field = kind_.fields[f];
  nlohmann::json shown = {{"field", field.id}, {"column", header}, {"type", "date"}};
  if (const auto chosen = options_.date_formats.find(std::string(field.id));
      chosen != options_.date_formats.end()) {
    const auto order = date_order_from_name(chosen->second);
    if (!order) {
      problem_ = Error{
          .message = "unknown date format '" + shortened(chosen->second, 40) + "' for " +
                     std::string(field.id) + " (known: " + date_order_names() + ")",
          .code = "unknown_date_format",
          .params = {{"format", shortened(chosen->second, 40)}, {"field", std::string(field.id)}}};
      return false;
    }
    date_formats_[f] = date_format_for(*order, samples);
    shown["format"] = date_formats_[f].label;
    shown["order"] = chosen->second;
    shown["chosen"] = true;
  } else if (!samples.empty()) {
    auto detected = detect_date_format(samples);
    if (!detected.ok()) {
      // The detection's own code and params, with the column they are about.
      Error error = detected.error();
      error.message = "column '" + shortened(header, 40) + "' (" + std::string(field.id) +
                      "): " + error.message;
      error.params["column"] = shortened(header, 40);
      error.params["field"] = std::string(field.id);
      problem_ = std::move(error);
      return false;
    }
    date_formats_[f] = detected.value().format;
    shown["format"] = date_formats_[f].label;
    shown["order"] = std::string(date_order_entry(date_formats_[f].order).name);
    shown["ambiguous"] = detected.value().ambiguous;
    if (!detected.value().note.empty()) {
      shown["note"] = detected.value().note;
      shown["note_parts"] = detected.value().note_parts;
    }
  } else {
    shown["format"] = nullptr;
    shown["note"] = "no dates in the first rows";
    shown["note_parts"] = nlohmann::json::array({{{"code", "date_note_no_samples"},
                                                  {"params", nlohmann::json::object()},
                                                  {"message", shown["note"]}}});
  }
  formats_.push_back(std::move(shown));
  return true;
}

void TableBuilder::plan_rows() {
  mapped_.clear();
  for (std::size_t f = 0; f < kind_.fields.size(); ++f) {
    if (mapping_[f] < 0) continue;
    mapped_.push_back({static_cast<std::uint32_t>(f), static_cast<std::uint32_t>(mapping_[f]),
                       kind_.fields[f].type});
  }
  // An alternative with a field the file lacks is never met: a group left with none rejects
  // every row, as before.
  for (auto& group : one_of_) {
    std::erase_if(group, [this](const std::vector<std::size_t>& alternative) {
      return std::any_of(alternative.begin(), alternative.end(),
                         [this](std::size_t f) { return mapping_[f] < 0; });
    });
  }
}

bool TableBuilder::decide_formats() {
  sampling_ = false;
  plan_rows();
  std::vector<std::string_view> samples;
  for (std::size_t f = 0; f < kind_.fields.size(); ++f) {
    const int column = mapping_[f];
    const FieldSpec& field = kind_.fields[f];
    if (column < 0 || (field.type != FieldType::date && field.type != FieldType::number)) continue;
    samples.clear();
    for (const auto& [line, cells] : sample_) {
      if (static_cast<std::size_t>(column) >= cells.size()) continue;
      const std::string_view cell = trim(cells[static_cast<std::size_t>(column)]);
      if (!cell.empty()) samples.push_back(cell);
    }
    const std::string& header = header_[static_cast<std::size_t>(column)];
    if (field.type == FieldType::number) {
      number_styles_[f] =
          options_.decimal != 0 ? NumberStyle{options_.decimal} : detect_number_style(samples);
      formats_.push_back({{"field", field.id},
                          {"column", header},
                          {"type", "number"},
                          {"decimal", std::string(1, number_styles_[f].decimal)}});
      if (auto marks = currency_marks(samples); !marks.empty())
        formats_.back()["currencies"] = marks;
      continue;
    }
    if (!decide_date_format(f, header, samples)) return false;
  }
  reserve_columns();
  if (problem_) return false;
  std::vector<std::string_view> views;
  for (const auto& [line, cells] : sample_) {
    views.assign(cells.begin(), cells.end());
    add_row(line, views);
  }
  sample_.clear();
  sample_.shrink_to_fit();
  return true;
}

void TableBuilder::reserve_columns() {
  if (options_.size == 0 || sample_.size() < kSampleRows) return;  // a small file needs no care
  std::uint64_t sample_bytes = 0;
  for (const auto& [line, cells] : sample_) {
    for (const std::string& cell : cells) sample_bytes += cell.size() + 1;
  }
  // The sample's bytes per row, plus a tenth for longer rows later on; an estimate, never a limit.
  const double per_row = static_cast<double>(sample_bytes) / static_cast<double>(sample_.size());
  const double estimated_rows = static_cast<double>(options_.size) / per_row * 1.1;
  // Refused before anything is reserved: the answer comes at once, not after a minute of reading.
  std::uint64_t row_bytes = sizeof(table_.lines[0]);  // the line number
  for (const ImportedColumn& column : table_.columns) {
    if (column.present) row_bytes += column_value_bytes(column.type);
  }
  const double estimated_bytes = std::min(estimated_rows * static_cast<double>(row_bytes), 1e18);
  if (!within_memory_limit(static_cast<std::uint64_t>(estimated_bytes))) return;
  reserve_rows(
      static_cast<std::size_t>(std::min(estimated_rows * kFirstReserveShare, kMaxReservedRows)));
  rows_reserved_ = true;
}

void TableBuilder::reserve_rows(std::size_t rows) {
  table_.lines.reserve(rows);
  for (ImportedColumn& column : table_.columns) {
    if (!column.present) continue;
    switch (column.type) {
      case FieldType::text:
      case FieldType::category:
        column.codes.reserve(rows);
        break;
      case FieldType::number:
        column.numbers.reserve(rows);
        break;
      case FieldType::date:
        column.times.reserve(rows);
        break;
      case FieldType::flag:
        column.flags.reserve(rows);
        break;
    }
  }
}

std::size_t TableBuilder::next_row_capacity() const {
  const std::size_t capacity = table_.lines.capacity();
  const std::size_t doubled = std::max<std::size_t>(capacity * 2, 1024);
  if (options_.size == 0) return doubled;
  // The rows so far end somewhere in the chunk being read: its middle is within half a chunk.
  const double read = (static_cast<double>(chunk_start_) + static_cast<double>(fed_)) / 2;
  const auto size = static_cast<double>(options_.size);
  // The whole file was fed before its rows were read (a workbook), or the size was wrong.
  if (read <= 0 || read >= size) return doubled;
  const double estimate = static_cast<double>(table_.lines.size()) * size / read * kReserveMargin;
  const auto least = static_cast<double>(capacity + capacity / 16);  // not a copy per few rows
  const double most = std::max(static_cast<double>(doubled), kMaxReservedRows);
  return static_cast<std::size_t>(std::clamp(estimate, least, most));
}

std::uint64_t TableBuilder::table_bytes() const {
  std::uint64_t bytes = table_.lines.capacity() * sizeof(table_.lines[0]);
  for (const ImportedColumn& column : table_.columns) {
    bytes += column.codes.capacity() * sizeof(std::uint32_t) +
             column.numbers.capacity() * sizeof(double) +
             column.times.capacity() * sizeof(column.times[0]) +
             column.flags.capacity() * sizeof(column.flags[0]) + column.dictionary.bytes();
  }
  return bytes;
}

bool TableBuilder::within_memory_limit(std::uint64_t bytes) {
  if (options_.memory_limit == 0 || bytes <= options_.memory_limit) return true;
  constexpr double kMb = 1024.0 * 1024.0;
  const double needed = std::round(static_cast<double>(bytes) / kMb);
  const double allowed = std::round(static_cast<double>(options_.memory_limit) / kMb);
  const std::uint64_t rows = rows_read_ + sample_.size();
  problem_ = Error{
      .message = "the file is too large to import here: its table would need about " +
                 format_number(needed) + " MB, more than the " + format_number(allowed) +
                 " MB allowed (" + std::to_string(rows) +
                 " rows read so far). Split the file, or leave out columns and rows you do not "
                 "need",
      .code = "import_memory_limit",
      .params = {{"needed_mb", needed}, {"limit_mb", allowed}, {"rows", rows}}};
  return false;
}

bool TableBuilder::too_many_lines() {
  problem_ = Error{.message = "the file has more than " + std::to_string(kMaxLine) +
                              " lines, more than an import can hold. Split the file",
                   .code = "import_too_many_lines",
                   .params = {{"lines", kMaxLine}}};
  return false;
}

std::uint32_t TableBuilder::reason_index(std::string_view text, std::string_view code,
                                         const nlohmann::json& params) {
  const std::uint32_t index = reason_texts_.code(text);
  if (index == reasons_.size()) reasons_.push_back({std::string(text), std::string(code), params});
  return index;
}

void TableBuilder::reject(std::uint64_t line, std::int32_t field, std::string_view value,
                          std::uint32_t reason) {
  ++rows_rejected_;
  if (rejects_.size() < kRejectsKept) rejects_.push_back({line, shortened(value), reason, field});
}

void TableBuilder::add_row(std::uint64_t line, std::span<const std::string_view> fields) {
  const std::uint64_t rejected_before = rows_rejected_;
  add_row_cells(line, fields);
  if (amount_field_ >= 0) count_value(fields, rows_rejected_ != rejected_before);
}

void TableBuilder::add_row_cells(std::uint64_t line, std::span<const std::string_view> fields) {
  ++rows_read_;
  if (fields.size() != header_.size()) {
    reject(line, -1, "",
           reason_index("the row has " + std::to_string(fields.size()) +
                            " columns, the header has " + std::to_string(header_.size()),
                        "row_width_mismatch",
                        {{"columns", fields.size()}, {"header_columns", header_.size()}}));
    return;
  }
  for (const MappedField& mapped : mapped_) {
    if (!read_cell(line, mapped.field, trim(fields[mapped.column]))) return;
  }
  if (!has_alternatives(line)) return;
  append_row(line);
}

bool TableBuilder::read_cell(std::uint64_t line, std::size_t f, std::string_view text) {
  const FieldSpec& field = kind_.fields[f];
  const auto field_number = static_cast<std::int32_t>(f);
  Cell& cell = cells_[f];
  cell = Cell{};
  if (text.empty()) {
    if (!field.required) return true;
    reject(line, field_number, text, empty_reasons_[f]);
    return false;
  }
  cell.blank = false;
  cell.text = text;
  switch (field.type) {
    case FieldType::text:
      return true;
    case FieldType::number:
      return read_number(line, f, cell);
    case FieldType::date:
      return read_date(line, f, cell);
    case FieldType::flag:
      return read_flag(line, f, cell);
    case FieldType::category:
      return read_category(line, f, cell);
  }
  return true;
}

bool TableBuilder::read_date(std::uint64_t line, std::size_t f, Cell& cell) {
  LastDate& last = last_dates_[f];
  if (last.time != kNoTime && last.text == cell.text) {
    cell.time = last.time;
    return true;
  }
  auto time = parse_date_cell(cell.text, date_formats_[f]);
  if (!time.ok()) {
    // "does not match the date format X" names it already.
    const std::string& label = date_formats_[f].label;
    Error error = time.error();
    if (!error.message.ends_with(label)) error.message += " (format " + label + ")";
    error.params["format"] = label;
    reject(line, static_cast<std::int32_t>(f), cell.text, reason_index(error));
    return false;
  }
  cell.time = time.value();
  last.text.assign(cell.text.data(), cell.text.size());  // keeps its capacity: no allocation
  last.time = cell.time;
  return true;
}

bool TableBuilder::read_flag(std::uint64_t line, std::size_t f, Cell& cell) {
  auto flag = parse_flag_cell(cell.text);
  if (!flag.ok()) {
    reject(line, static_cast<std::int32_t>(f), cell.text, reason_index(flag.error()));
    return false;
  }
  cell.flag = flag.value() ? 1 : 0;
  return true;
}

bool TableBuilder::read_number(std::uint64_t line, std::size_t f, Cell& cell) {
  const FieldSpec& field = kind_.fields[f];
  const auto field_number = static_cast<std::int32_t>(f);
  auto number = parse_number_cell(cell.text, number_styles_[f]);
  if (!number.ok()) {
    reject(line, field_number, cell.text, reason_index(number.error()));
    return false;
  }
  cell.number = number.value();
  if (cell.number < 0) {
    for (const std::string_view id : kind_.non_negative) {
      if (id == field.id) {
        reject(line, field_number, cell.text, negative_reasons_[f]);
        return false;
      }
    }
  }
  if (std::fabs(cell.number) > 1e15) {
    reject(line, field_number, cell.text,
           reason_index("too large (above 10^15)", "number_above_limit", {{"limit", 1e15}}));
    return false;
  }
  return true;
}

bool TableBuilder::read_category(std::uint64_t line, std::size_t f, Cell& cell) {
  const FieldSpec& field = kind_.fields[f];
  const std::string normalized = normalize_header(cell.text);
  for (std::size_t k = 0; k < field.categories.size() && cell.category == kNoCode; ++k) {
    for (const std::string_view spelling : field.categories[k].second) {
      if (normalized == spelling) cell.category = static_cast<std::uint32_t>(k);
    }
  }
  if (cell.category != kNoCode) return true;
  reject(line, static_cast<std::int32_t>(f), cell.text,
         reason_index("not a known category (product, basic service or value-added service)",
                      "category_unknown", nlohmann::json::object()));
  return false;
}

bool TableBuilder::has_alternatives(std::uint64_t line) {
  for (std::size_t g = 0; g < one_of_.size(); ++g) {
    bool satisfied = false;
    for (const std::vector<std::size_t>& alternative : one_of_[g]) {
      bool all = true;
      for (const std::size_t f : alternative) all = all && !cells_[f].blank;  // see plan_rows()
      satisfied = satisfied || all;
    }
    if (!satisfied) {
      reject(line, -1, "", one_of_reasons_[g]);
      return false;
    }
  }
  return true;
}

void TableBuilder::append_row(std::uint64_t line) {
  if (rows_reserved_ && table_.lines.size() == table_.lines.capacity()) {
    reserve_rows(next_row_capacity());
  }
  for (const MappedField& mapped : mapped_) {
    ImportedColumn& out = table_.columns[mapped.field];
    const Cell& cell = cells_[mapped.field];
    switch (mapped.type) {
      case FieldType::text:
        out.codes.push_back(cell.blank ? kNoCode : out.dictionary.code(cell.text));
        break;
      case FieldType::number:
        out.numbers.push_back(cell.blank ? std::numeric_limits<double>::quiet_NaN() : cell.number);
        break;
      case FieldType::date:
        out.times.push_back(cell.blank ? kNoTime : cell.time);
        break;
      case FieldType::flag:
        out.flags.push_back(cell.flag);
        break;
      case FieldType::category:
        out.codes.push_back(cell.category);
        break;
    }
  }
  table_.lines.push_back(static_cast<std::uint32_t>(line));  // row() refuses larger
}

bool TableBuilder::row(std::uint64_t line, std::span<const std::string_view> fields) {
  if (line > kMaxLine) return too_many_lines();
  if (!header_seen_) return read_header(fields);
  if (!sampling_) {
    add_row(line, fields);
    // Checked now and then: the capacities only change when a column doubles.
    if ((rows_read_ & 0xFFFF) == 0 && !within_memory_limit(table_bytes())) return false;
    return true;
  }
  sample_.emplace_back(line, std::vector<std::string>(fields.begin(), fields.end()));
  if (sample_.size() < kSampleRows) return true;
  return decide_formats();
}

bool TableBuilder::finish() {
  if (problem_) return false;
  if (sampling_ && header_seen_ && !decide_formats()) return false;
  // The rows are in: nothing looks a text up any more, and the texts stay.
  for (ImportedColumn& column : table_.columns) column.dictionary.release_lookup();
  return true;
}

std::string_view TableBuilder::column(const RejectedRow& row) const {
  if (row.field < 0) return {};
  return header_[static_cast<std::size_t>(mapping_[static_cast<std::size_t>(row.field)])];
}

nlohmann::json TableBuilder::reject_json(const RejectedRow& row) const {
  const RejectReason& why = reasons_[row.reason];
  const std::string header(column(row));
  nlohmann::json params = why.params;
  if (row.field >= 0) {
    params["column"] = header;
    params["field"] = std::string(kind_.fields[static_cast<std::size_t>(row.field)].id);
  }
  return {{"row", row.line},    {"column", header}, {"value", row.value},
          {"reason", why.text}, {"code", why.code}, {"params", std::move(params)}};
}

nlohmann::json TableBuilder::header_json() const {
  return header_;
}

nlohmann::json TableBuilder::mapping_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t f = 0; f < kind_.fields.size(); ++f) {
    const int column = f < mapping_.size() ? mapping_[f] : -1;
    out.push_back(
        {{"field", kind_.fields[f].id},
         {"column", column >= 0 ? nlohmann::json(header_[static_cast<std::size_t>(column)])
                                : nlohmann::json()},
         {"index", column},
         {"guessed", f < guessed_.size() ? guessed_[f] : true}});
  }
  return out;
}

}  // namespace servimetrics
