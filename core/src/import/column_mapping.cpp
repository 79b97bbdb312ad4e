// Recognises a file's headers as the fields of a data kind, in English and Chinese.
#include <cstdint>
#include <string>

#include "base/format.hpp"
#include "cells/cell_text.hpp"
#include "cells/cell_values.hpp"
#include "formats/xml_scan.hpp"
#include "servimetrics/data_kinds.hpp"

namespace servimetrics {
namespace {

// Checked after cell_text's folding: full-width brackets and U+3000 arrive as ( ) and ' '.
bool is_separator(char32_t cp) {
  switch (cp) {
    case ' ':
    case '_':
    case '-':
    case '.':
    case '(':
    case ')':
    case '[':
    case ']':
    case '/':
    case '#':
    case ':':
    case '\t':
    case '"':
    case '\'':
    case 0x3010:
    case 0x3011:  // 【】
    case 0xFEFF:  // a byte-order mark left on the first header
      return true;
    default:
      return false;
  }
}

// "a, b and c"
std::string list_fields(std::span<const std::string_view> ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += ids[i];
  }
  return out;
}

bool has_all(const KindSpec& kind, std::span<const int> mapping,
             std::span<const std::string_view> ids) {
  for (const std::string_view id : ids) {
    const int f = field_index(kind, id);
    if (f < 0 || static_cast<std::size_t>(f) >= mapping.size() ||
        mapping[static_cast<std::size_t>(f)] < 0) {
      return false;
    }
  }
  return true;
}

// " (headers such as 'a', 'b', 'c', 'd')": the first aliases of a field, and the same as params.
std::string headers_such_as(const FieldSpec& field, nlohmann::json& aliases) {
  std::string text = " (headers such as";
  for (std::size_t a = 0; a < field.aliases.size() && a < 4; ++a) {
    text += std::string(a > 0 ? "," : "") + " '" + std::string(field.aliases[a]) + "'";
    aliases.push_back(field.aliases[a]);
  }
  return text + ")";
}

// ". The file's columns are: a, b, …" (the first 20, each cut at 40 characters).
std::string columns_text(std::span<const std::string> header, nlohmann::json& params) {
  std::string text = ". The file's columns are: ";
  nlohmann::json columns = nlohmann::json::array();
  for (std::size_t c = 0; c < header.size() && c < 20; ++c) {
    text += (c > 0 ? ", " : "") + shortened(header[c], 40);
    columns.push_back(shortened(header[c], 40));
  }
  if (header.size() > 20) text += ", …";
  params["columns"] = std::move(columns);
  params["more_columns"] = header.size() > 20 ? header.size() - 20 : 0;
  return text;
}

// "transactions, subscriptions, survey, tickets, spend, ledger".
std::string kind_list() {
  std::string out;
  for (const KindSpec& kind : data_kinds()) out += (out.empty() ? "" : ", ") + std::string(kind.id);
  return out;
}

}  // namespace

Error unknown_kind_error(std::string_view kind) {
  nlohmann::json known = nlohmann::json::array();
  for (const KindSpec& k : data_kinds()) known.push_back(k.id);
  return Error{.kpi = {},
               .input = "kind",
               .message = "unknown data kind '" + shortened(kind, 40) + "' (known: " + kind_list() +
                          ", or auto)",
               .code = "unknown_kind",
               .params = {{"kind", shortened(kind, 40)}, {"known", std::move(known)}}};
}

Error no_kind_fits_error() {
  nlohmann::json kinds = nlohmann::json::array();
  for (const KindSpec& k : data_kinds()) kinds.push_back(k.id);
  return Error{.kpi = {},
               .input = "file",
               .message = "the columns do not fit any data kind (" + kind_list() +
                          "); choose the kind, or rename the columns as in the templates",
               .code = "no_kind_fits",
               .params = {{"kinds", std::move(kinds)}}};
}

std::optional<Error> missing_fields_error(const KindSpec& kind, std::span<const int> mapping,
                                          std::span<const std::string> header) {
  std::vector<std::string_view> missing;
  for (std::size_t f = 0; f < kind.fields.size(); ++f) {
    if (kind.fields[f].required && (f >= mapping.size() || mapping[f] < 0)) {
      missing.push_back(kind.fields[f].id);
    }
  }
  // The last group no alternative of which is complete (the kinds have one group at most).
  const std::vector<std::vector<std::string_view>>* group_missing = nullptr;
  for (const auto& group : kind.one_of) {
    bool satisfied = false;
    for (const auto& alternative : group)
      satisfied = satisfied || has_all(kind, mapping, alternative);
    if (!satisfied) group_missing = &group;
  }
  if (missing.empty() && group_missing == nullptr) return std::nullopt;

  nlohmann::json params = {{"kind", kind.id},
                           {"missing", missing},
                           {"aliases", nlohmann::json::array()},
                           {"one_of", nlohmann::json::array()},
                           {"one_of_fields", nlohmann::json::array()}};
  std::string message = "this does not look like a " + std::string(kind.name.en) + " file: ";
  if (!missing.empty()) {
    message += "no column for " + list_fields(missing);
    message += headers_such_as(kind.fields[static_cast<std::size_t>(field_index(kind, missing[0]))],
                               params["aliases"]);
    if (group_missing != nullptr) message += "; it also ";
  }
  if (group_missing != nullptr) {
    std::string wanted;
    for (std::size_t a = 0; a < group_missing->size(); ++a) {
      wanted += (a > 0 ? ", or " : "") + list_fields((*group_missing)[a]);
      params["one_of"].push_back((*group_missing)[a]);
      for (const std::string_view id : (*group_missing)[a]) params["one_of_fields"].push_back(id);
    }
    message += "needs a column for " + wanted;
  }
  message += columns_text(header, params);
  return Error{.kpi = {},
               .input = "file",
               .message = std::move(message),
               .code = missing.empty()            ? "not_this_kind_one_of"
                       : group_missing != nullptr ? "not_this_kind_and_one_of"
                                                  : "not_this_kind",
               .params = std::move(params)};
}

std::string normalize_header(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  const char* p = header.data();
  const char* end = p + header.size();
  while (p < end) {
    const cell_text::Unit unit = cell_text::read_unit(p, end);
    p += unit.length;
    if (is_separator(unit.code)) continue;
    xml::append_utf8(out, cell_text::ascii_lower(unit.code));
  }
  return out;
}

std::vector<int> guess_mapping(const KindSpec& kind, std::span<const std::string_view> headers) {
  std::vector<std::string> normalized;
  normalized.reserve(headers.size());
  for (const std::string_view h : headers) normalized.push_back(normalize_header(h));
  std::vector<int> mapping(kind.fields.size(), -1);
  std::vector<bool> taken(headers.size(), false);
  // Fields in the kind's order, each taking the first header that matches its most preferred
  // alias, so "amount" wins over "price" and the customer id over a name.
  for (std::size_t f = 0; f < kind.fields.size(); ++f) {
    for (const std::string_view alias : kind.fields[f].aliases) {
      for (std::size_t c = 0; c < normalized.size() && mapping[f] < 0; ++c) {
        if (!taken[c] && normalized[c] == alias) {
          mapping[f] = static_cast<int>(c);
          taken[c] = true;
        }
      }
      if (mapping[f] >= 0) break;
    }
  }
  return mapping;
}

const KindSpec* guess_kind(std::span<const std::string_view> headers) {
  const KindSpec* best = nullptr;
  int best_score = 0;
  for (const KindSpec& kind : data_kinds()) {
    const std::vector<int> mapping = guess_mapping(kind, headers);
    bool complete = true;
    int mapped = 0;
    for (std::size_t f = 0; f < kind.fields.size(); ++f) {
      complete = complete && (!kind.fields[f].required || mapping[f] >= 0);
      mapped += mapping[f] >= 0 ? 1 : 0;
    }
    for (const auto& group : kind.one_of) {
      bool satisfied = false;
      for (const auto& alternative : group) {
        bool all = true;
        for (const std::string_view id : alternative) {
          all = all && mapping[static_cast<std::size_t>(field_index(kind, id))] >= 0;
        }
        satisfied = satisfied || all;
      }
      complete = complete && satisfied;
    }
    // Required fields count double: a kind is more likely when its distinctive columns are there.
    int score = mapped;
    for (std::size_t f = 0; f < kind.fields.size(); ++f) {
      score += kind.fields[f].required && mapping[f] >= 0 ? 1 : 0;
    }
    if (complete && score > best_score) {
      best_score = score;
      best = &kind;
    }
  }
  return best;
}

nlohmann::json data_kinds_json() {
  const auto text = [](const Text& t) { return nlohmann::json{{"en", t.en}, {"zh", t.zh}}; };
  nlohmann::json kinds = nlohmann::json::array();
  for (const KindSpec& kind : data_kinds()) {
    nlohmann::json fields = nlohmann::json::array();
    for (const FieldSpec& field : kind.fields) {
      static constexpr const char* kTypes[] = {"text", "number", "date", "flag", "category"};
      nlohmann::json out = {{"id", field.id},
                            {"type", kTypes[static_cast<int>(field.type)]},
                            {"required", field.required},
                            {"label", text(field.label)},
                            {"aliases", field.aliases}};
      if (!field.categories.empty()) {
        nlohmann::json values = nlohmann::json::array();
        for (const auto& [value, spellings] : field.categories) values.push_back(value);
        out["categories"] = std::move(values);
      }
      fields.push_back(std::move(out));
    }
    kinds.push_back({{"id", kind.id},
                     {"name", text(kind.name)},
                     {"description", text(kind.description)},
                     {"fields", std::move(fields)},
                     {"one_of", kind.one_of}});
  }
  // The date formats a request's date_formats names, with the label the import report shows.
  nlohmann::json date_formats = nlohmann::json::array();
  for (const DateOrderName& order : kDateOrders) {
    date_formats.push_back(
        {{"id", order.name}, {"label", order.label}, {"example", order.example}});
  }
  return {{"kinds", std::move(kinds)}, {"date_formats", std::move(date_formats)}};
}

}  // namespace servimetrics
