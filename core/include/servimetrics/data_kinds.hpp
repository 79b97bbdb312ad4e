// The kinds of data file the calculator imports (transactions, subscriptions, survey, tickets,
// spend, ledger): their fields, the headers recognised for each, and what is required.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "servimetrics/catalog.hpp"
#include "servimetrics/imported_table.hpp"
#include "servimetrics/result.hpp"

namespace servimetrics {

struct FieldSpec {
  std::string_view id;
  FieldType type;
  bool required;
  Text label;
  // Headers that name this field, compared after normalize_header(): English, simplified and
  // traditional Chinese, and the spellings of common exports (from the alias table).
  std::vector<std::string_view> aliases;
  // category fields: the canonical values, and for each the cell texts that mean it.
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> categories = {};
};

struct KindSpec {
  std::string_view id;
  Text name;
  Text description;
  std::vector<FieldSpec> fields;
  // Each group lists alternatives; at least one alternative must have all its fields mapped
  // (transactions: amount, or quantity and unit price).
  std::vector<std::vector<std::vector<std::string_view>>> one_of = {};
  // Number fields whose cells must not be negative (counts, spend, durations).
  std::vector<std::string_view> non_negative = {};
};

const std::vector<KindSpec>& data_kinds();

// The alias table (header_aliases.cpp): lines "kind.field lang: alias alias ...", lang en, zh
// (simplified) or tw (traditional), aliases normalized; and the aliases of one field, in order.
extern const std::string_view kHeaderAliasTable;
std::vector<std::string_view> header_aliases(std::string_view kind, std::string_view field);
const KindSpec* find_kind(std::string_view id);
int field_index(const KindSpec& kind, std::string_view field_id);  // -1 when absent

// Lower-case ASCII, full-width ASCII folded, spaces, underscores, hyphens, dots and brackets
// dropped: "Customer ID", "customer_id" and "ＣｕｓｔｏｍｅｒＩＤ" all become "customerid".
std::string normalize_header(std::string_view header);

// The guessed column of every field (-1 when none matches), each column used at most once.
std::vector<int> guess_mapping(const KindSpec& kind, std::span<const std::string_view> headers);

// The kind whose fields the headers fit best: every required field found, most fields mapped;
// nullptr when no kind fits.
const KindSpec* guess_kind(std::span<const std::string_view> headers);

// The kinds as JSON for the page and the CLI: {"kinds": [{"id", "name", "description", "fields":
// [{"id", "type", "required", "label", "aliases", "categories"?}], "one_of"}], "date_formats":
// [{"id", "label", "example"}]} (the names a request's date_formats accepts).
nlohmann::json data_kinds_json();

// The import's errors about kinds (input "kind" or "file"), with their codes and params:
// "unknown_kind" {kind, known}; "no_kind_fits" {kinds} when a header fits no kind;
Error unknown_kind_error(std::string_view kind);
Error no_kind_fits_error();
// and when `mapping` (the column of each field of `kind`, -1 for none) lacks a required field or
// every alternative of a one_of group: "not_this_kind" (required fields), "not_this_kind_one_of"
// (a group) or "not_this_kind_and_one_of" (both), with {kind, missing, aliases (headers that would
// do for the first missing field), one_of (the alternatives), one_of_fields, columns (the first
// 20 of `header`), more_columns}. Nothing when every needed field has a column.
std::optional<Error> missing_fields_error(const KindSpec& kind, std::span<const int> mapping,
                                          std::span<const std::string> header);

}  // namespace servimetrics
