// Recognises a file's headers as the fields of a data kind, in English and Chinese.
#include <cstdint>
#include <string>

#include "cells/cell_text.hpp"
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

}  // namespace

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
  return {{"kinds", std::move(kinds)}};
}

}  // namespace servimetrics
