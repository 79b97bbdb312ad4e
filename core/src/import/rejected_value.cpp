// The value a transactions file's rows carry, and the part its rejected rows carry, so the import
// report says what every KPI leaves out (amount, else quantity x unit_price; signed as written).
#include <cmath>

#include "cells/cell_text.hpp"
#include "import/table_builder.hpp"

namespace servimetrics {

double TableBuilder::number_of(std::span<const std::string_view> fields, int f) const {
  const int column = mapping_[static_cast<std::size_t>(f)];
  if (column < 0) return std::nan("");
  const std::string_view text = cell_text::trim(fields[static_cast<std::size_t>(column)]);
  if (text.empty()) return std::nan("");
  auto number = parse_number_cell(text, number_styles_[static_cast<std::size_t>(f)]);
  return number.ok() ? number.value() : std::nan("");
}

double TableBuilder::rejected_row_value(std::span<const std::string_view> fields) const {
  if (fields.size() != header_.size()) return std::nan("");
  const double amount = number_of(fields, amount_field_);
  if (!std::isnan(amount)) return amount;
  if (quantity_field_ < 0 || unit_price_field_ < 0) return std::nan("");
  return number_of(fields, quantity_field_) * number_of(fields, unit_price_field_);
}

void TableBuilder::count_value(std::span<const std::string_view> fields, bool rejected) {
  double value = std::nan("");
  if (rejected) {
    value = rejected_row_value(fields);
    if (std::isnan(value)) {
      ++rejected_without_value_;
      return;
    }
    rejected_value_ += value;
  } else {
    const Cell& amount = cells_[static_cast<std::size_t>(amount_field_)];
    if (mapping_[static_cast<std::size_t>(amount_field_)] >= 0 && !amount.blank) {
      value = amount.number;
    } else if (quantity_field_ >= 0 && unit_price_field_ >= 0 &&
               mapping_[static_cast<std::size_t>(quantity_field_)] >= 0 &&
               mapping_[static_cast<std::size_t>(unit_price_field_)] >= 0 &&
               !cells_[static_cast<std::size_t>(quantity_field_)].blank &&
               !cells_[static_cast<std::size_t>(unit_price_field_)].blank) {
      value = cells_[static_cast<std::size_t>(quantity_field_)].number *
              cells_[static_cast<std::size_t>(unit_price_field_)].number;
    }
    if (std::isnan(value)) return;
  }
  file_value_ += value;
}

nlohmann::json TableBuilder::value_json() const {
  if (amount_field_ < 0) return nlohmann::json::object();
  nlohmann::json out = {{"file_value", file_value_},
                        {"rejected_value", rejected_value_},
                        {"rejected_rows_without_value", rejected_without_value_}};
  const double share = rejected_value_ / file_value_;
  out["rejected_value_share"] =
      file_value_ > 0 && std::isfinite(share) ? nlohmann::json(share) : nlohmann::json();
  return out;
}

}  // namespace servimetrics
