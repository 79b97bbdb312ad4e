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

// The most rows reserved up front from the announced file size (a 1.4 GB file of 80-byte rows):
// a request may announce any size, and a lie must not become an allocation that cannot succeed.
// Past it the columns grow as they would with no size given.
constexpr double kMaxReservedRows = 1 << 24;

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

std::optional<DateFormat::Order> date_order_from_name(std::string_view name) {
  using Order = DateFormat::Order;
  if (name == "iso") return Order::iso;
  if (name == "ymd") return Order::ymd;
  if (name == "mdy") return Order::mdy;
  if (name == "dmy") return Order::dmy;
  if (name == "cjk") return Order::cjk;
  if (name == "compact") return Order::compact;
  if (name == "excel_serial") return Order::excel_serial;
  return std::nullopt;
}

const char* date_order_name(DateFormat::Order order) {
  using Order = DateFormat::Order;
  switch (order) {
    case Order::iso:
      return "iso";
    case Order::ymd:
      return "ymd";
    case Order::mdy:
      return "mdy";
    case Order::dmy:
      return "dmy";
    case Order::cjk:
      return "cjk";
    case Order::compact:
      return "compact";
    case Order::excel_serial:
      return "excel_serial";
  }
  return "iso";
}

// The format a user chose for a column; the label comes from detection when it agrees.
DateFormat date_format_for(DateFormat::Order order, std::span<const std::string_view> samples) {
  if (auto detected = detect_date_format(samples);
      detected.ok() && detected.value().format.order == order) {
    return detected.value().format;
  }
  using Order = DateFormat::Order;
  switch (order) {
    case Order::iso:
      return {order, "YYYY-MM-DD"};
    case Order::ymd:
      return {order, "YYYY/M/D"};
    case Order::mdy:
      return {order, "M/D/YYYY"};
    case Order::dmy:
      return {order, "D/M/YYYY"};
    case Order::cjk:
      return {order, "YYYY年M月D日"};
    case Order::compact:
      return {order, "YYYYMMDD"};
    case Order::excel_serial:
      return {order, "Excel serial number"};
  }
  return {order, ""};
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
    empty_reasons_.push_back(std::string(field.id) + " is empty");
    negative_reasons_.push_back(std::string(field.id) + " must not be negative");
  }
  cells_.resize(kind.fields.size());
  // The kind's alternatives as field indexes, so rows are checked without comparing names.
  for (const auto& group : kind.one_of) {
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
}

bool TableBuilder::read_header(std::span<const std::string_view> fields) {
  header_seen_ = true;
  for (const std::string_view f : fields) header_.emplace_back(trim(f));
  std::vector<std::string_view> trimmed(header_.begin(), header_.end());
  mapping_ = guess_mapping(kind_, trimmed);
  guessed_.assign(kind_.fields.size(), true);
  for (const auto& [field_id, header] : options_.mapping) {
    const int f = field_index(kind_, field_id);
    if (f < 0) {
      problem_ = "the mapping names a field '" + shortened(field_id, 40) + "' that " +
                 std::string(kind_.id) + " files do not have";
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
      problem_ = "the mapping puts " + field_id + " in a column '" + shortened(header, 40) +
                 "' that the file does not have";
      return false;
    }
    // A column taken by another field's guess moves to this field.
    for (int& other : mapping_) other = other == column && column >= 0 ? -1 : other;
    mapping_[static_cast<std::size_t>(f)] = column;
    guessed_[static_cast<std::size_t>(f)] = false;
  }

  // The error's code is lost here until problem_ holds an Error (column_mapping.cpp builds it).
  if (auto missing = missing_fields_error(kind_, mapping_, header_)) {
    problem_ = std::move(missing->message);
    return false;
  }
  for (std::size_t f = 0; f < kind_.fields.size(); ++f)
    table_.columns[f].present = mapping_[f] >= 0;
  return true;
}

bool TableBuilder::decide_formats() {
  sampling_ = false;
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
      continue;
    }
    nlohmann::json shown = {{"field", field.id}, {"column", header}, {"type", "date"}};
    if (const auto chosen = options_.date_formats.find(std::string(field.id));
        chosen != options_.date_formats.end()) {
      const auto order = date_order_from_name(chosen->second);
      if (!order) {
        problem_ = "unknown date format '" + shortened(chosen->second, 40) + "' for " +
                   std::string(field.id) +
                   " (known: iso, ymd, mdy, dmy, cjk, compact, excel_serial)";
        return false;
      }
      date_formats_[f] = date_format_for(*order, samples);
      shown["format"] = date_formats_[f].label;
      shown["order"] = chosen->second;
      shown["chosen"] = true;
    } else if (!samples.empty()) {
      auto detected = detect_date_format(samples);
      if (!detected.ok()) {
        problem_ = "column '" + shortened(header, 40) + "' (" + std::string(field.id) +
                   "): " + detected.error().message;
        return false;
      }
      date_formats_[f] = detected.value().format;
      shown["format"] = date_formats_[f].label;
      shown["order"] = date_order_name(date_formats_[f].order);
      shown["ambiguous"] = detected.value().ambiguous;
      if (!detected.value().note.empty()) shown["note"] = detected.value().note;
    } else {
      shown["format"] = nullptr;
      shown["note"] = "no dates in the first rows";
    }
    formats_.push_back(std::move(shown));
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
  std::uint64_t row_bytes = sizeof(std::uint64_t);  // the line number
  for (const ImportedColumn& column : table_.columns) {
    if (column.present) row_bytes += column_value_bytes(column.type);
  }
  const double estimated_bytes = std::min(estimated_rows * static_cast<double>(row_bytes), 1e18);
  if (!within_memory_limit(static_cast<std::uint64_t>(estimated_bytes))) return;
  const auto rows = static_cast<std::size_t>(std::min(estimated_rows, kMaxReservedRows));
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

std::uint64_t TableBuilder::table_bytes() const {
  std::uint64_t bytes = table_.lines.capacity() * sizeof(std::uint64_t);
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
  problem_ = "the file is too large to import here: its table would need about " +
             format_number(std::round(static_cast<double>(bytes) / kMb)) + " MB, more than the " +
             format_number(std::round(static_cast<double>(options_.memory_limit) / kMb)) +
             " MB allowed (" + std::to_string(rows_read_ + sample_.size()) +
             " rows read so far). Split the file, or leave out columns and rows you do not need";
  return false;
}

void TableBuilder::reject(std::uint64_t line, std::string_view column, std::string_view value,
                          std::string_view reason) {
  ++rows_rejected_;
  if (rejects_.size() < kRejectsKept) {
    rejects_.push_back({line, column, shortened(value), reasons_.text(reasons_.code(reason))});
  }
}

void TableBuilder::add_row(std::uint64_t line, std::span<const std::string_view> fields) {
  ++rows_read_;
  if (fields.size() != header_.size()) {
    reject(line, "", "",
           "the row has " + std::to_string(fields.size()) + " columns, the header has " +
               std::to_string(header_.size()));
    return;
  }
  for (std::size_t f = 0; f < kind_.fields.size(); ++f) {
    const int column = mapping_[f];
    if (column < 0) continue;
    const FieldSpec& field = kind_.fields[f];
    const std::string_view text = trim(fields[static_cast<std::size_t>(column)]);
    Cell& cell = cells_[f];
    cell = Cell{};
    const std::string& header = header_[static_cast<std::size_t>(column)];
    if (text.empty()) {
      if (field.required) {
        reject(line, header, text, empty_reasons_[f]);
        return;
      }
      continue;
    }
    cell.blank = false;
    cell.text = text;
    switch (field.type) {
      case FieldType::text:
        break;
      case FieldType::number: {
        auto number = parse_number_cell(text, number_styles_[f]);
        if (!number.ok()) {
          reject(line, header, text, number.error().message);
          return;
        }
        cell.number = number.value();
        if (cell.number < 0) {
          for (const std::string_view id : kind_.non_negative) {
            if (id == field.id) {
              reject(line, header, text, negative_reasons_[f]);
              return;
            }
          }
        }
        if (std::fabs(cell.number) > 1e15) {
          reject(line, header, text, "too large (above 10^15)");
          return;
        }
        break;
      }
      case FieldType::date: {
        auto time = parse_date_cell(text, date_formats_[f]);
        if (!time.ok()) {
          // "does not match the date format X" names it already.
          const std::string& label = date_formats_[f].label;
          const std::string& message = time.error().message;
          reject(line, header, text,
                 message.ends_with(label) ? message : message + " (format " + label + ")");
          return;
        }
        cell.time = time.value();
        break;
      }
      case FieldType::flag: {
        auto flag = parse_flag_cell(text);
        if (!flag.ok()) {
          reject(line, header, text, flag.error().message);
          return;
        }
        cell.flag = flag.value() ? 1 : 0;
        break;
      }
      case FieldType::category: {
        const std::string normalized = normalize_header(text);
        for (std::size_t k = 0; k < field.categories.size() && cell.category == kNoCode; ++k) {
          for (const std::string_view spelling : field.categories[k].second) {
            if (normalized == spelling) cell.category = static_cast<std::uint32_t>(k);
          }
        }
        if (cell.category == kNoCode) {
          reject(line, header, text,
                 "not a known category (product, basic service or value-added service)");
          return;
        }
        break;
      }
    }
  }
  for (std::size_t g = 0; g < one_of_.size(); ++g) {
    bool satisfied = false;
    for (const std::vector<std::size_t>& alternative : one_of_[g]) {
      bool all = true;
      for (const std::size_t f : alternative) all = all && mapping_[f] >= 0 && !cells_[f].blank;
      satisfied = satisfied || all;
    }
    if (!satisfied) {
      const auto& group = kind_.one_of[g];
      std::string wanted;
      for (std::size_t a = 0; a < group.size(); ++a) {
        wanted += (a > 0 ? ", or " : "") + list_fields(group[a]);
      }
      reject(line, "", "", "the row has no " + wanted);
      return;
    }
  }
  for (std::size_t f = 0; f < kind_.fields.size(); ++f) {
    const int column = mapping_[f];
    if (column < 0) continue;
    ImportedColumn& out = table_.columns[f];
    const Cell& cell = cells_[f];
    switch (out.type) {
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
  table_.lines.push_back(line);
}

bool TableBuilder::row(std::uint64_t line, std::span<const std::string_view> fields) {
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
  if (sampling_ && header_seen_) return decide_formats();
  return true;
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
