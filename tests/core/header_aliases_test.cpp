// The alias table: every real-world header variant of tests/fixtures/header-variants.tsv (English,
// simplified and traditional Chinese) maps to its field, no alias names two fields of a kind, and
// a survey's 客户编号 column is the respondent the call-back list names.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kind_answer_support.hpp"
#include "servimetrics/data_kinds.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

struct Variant {
  std::string header, kind, field, language;
};

std::vector<Variant> read_variants() {
  std::ifstream in(std::string(SERVIMETRICS_SOURCE_DIR) + "/tests/fixtures/header-variants.tsv");
  std::vector<Variant> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cells(line);
    Variant v;
    std::getline(cells, v.header, '\t');
    std::getline(cells, v.kind, '\t');
    std::getline(cells, v.field, '\t');
    std::getline(cells, v.language, '\t');
    out.push_back(v);
  }
  return out;
}

TEST(HeaderAliases, RealWorldVariantsMapToTheirField) {
  const std::vector<Variant> variants = read_variants();
  std::map<std::string, int> per_language;
  for (const Variant& v : variants) {
    const KindSpec* kind = find_kind(v.kind);
    ASSERT_NE(kind, nullptr) << v.kind;
    const int expected = field_index(*kind, v.field);
    ASSERT_GE(expected, 0) << v.kind << "." << v.field;
    // The header among two columns no kind knows, so only an alias can place it.
    const std::vector<std::string_view> headers = {"zzz", v.header, "yyy"};
    const std::vector<int> mapping = guess_mapping(*kind, headers);
    EXPECT_EQ(mapping[static_cast<std::size_t>(expected)], 1)
        << "'" << v.header << "' (" << v.language << ") is not " << v.kind << "." << v.field;
    int mapped = 0;
    for (const int column : mapping) mapped += column >= 0 ? 1 : 0;
    EXPECT_EQ(mapped, 1) << v.header;
    ++per_language[v.language];
  }
  EXPECT_GE(per_language["en"], 50);
  EXPECT_GE(per_language["zh-CN"], 50);
  EXPECT_GE(per_language["zh-TW"], 50);
}

TEST(HeaderAliases, EveryAliasIsNormalizedAndNamesOneFieldOfItsKind) {
  std::map<std::string, int> per_language;
  for (const KindSpec& kind : data_kinds()) {
    std::map<std::string_view, std::string_view> owner;  // alias -> field
    for (const FieldSpec& field : kind.fields) {
      EXPECT_FALSE(field.aliases.empty()) << kind.id << "." << field.id;
      for (const std::string_view alias : field.aliases) {
        EXPECT_EQ(normalize_header(alias), alias) << kind.id << "." << field.id;
        const auto [it, added] = owner.emplace(alias, field.id);
        EXPECT_TRUE(added) << kind.id << ": '" << alias << "' names " << it->second << " and "
                           << field.id;
      }
    }
  }
  // Every line of the table names a known kind and field, in en, zh or tw; every field has all
  // three languages.
  std::istringstream table{std::string(kHeaderAliasTable)};
  std::set<std::string> seen;
  std::string line;
  while (std::getline(table, line)) {
    if (line.empty()) continue;
    const std::size_t dot = line.find('.');
    const std::size_t space = line.find(' ');
    const std::size_t colon = line.find(':');
    ASSERT_TRUE(dot != std::string::npos && space > dot && colon > space) << line;
    const KindSpec* kind = find_kind(line.substr(0, dot));
    ASSERT_NE(kind, nullptr) << line;
    const std::string field = line.substr(dot + 1, space - dot - 1);
    EXPECT_GE(field_index(*kind, field), 0) << line;
    const std::string language = line.substr(space + 1, colon - space - 1);
    EXPECT_TRUE(language == "en" || language == "zh" || language == "tw") << line;
    seen.insert(std::string(kind->id) + "." + field + " " + language);
    std::istringstream aliases(line.substr(colon + 1));
    std::string alias;
    while (aliases >> alias) ++per_language[language];
  }
  for (const KindSpec& kind : data_kinds()) {
    for (const FieldSpec& field : kind.fields) {
      for (const char* language : {"en", "zh", "tw"}) {
        EXPECT_TRUE(seen.count(std::string(kind.id) + "." + std::string(field.id) + " " + language))
            << kind.id << "." << field.id << " has no " << language << " aliases";
      }
    }
  }
  std::cout << "aliases: en " << per_language["en"] << ", zh " << per_language["zh"] << ", tw "
            << per_language["tw"] << "\n";
}

TEST(HeaderAliases, SurveyCustomerNumberIsTheRespondentToCallBack) {
  ImportOptions import;
  import.kind = "survey";
  const json answer = analyze_file(
      "客户编号,推荐度,意见,手机号\nC-001,2,太慢了,13800000001\nC-002,10,很好,13800000002\n"
      "C-003,9,,13800000003\nC-004,3,等太久,13800000004\n",
      import, AnalyzeOptions{});
  EXPECT_TRUE(answer["errors"].empty()) << answer.dump();
  const json* callbacks = testing::find_table(answer, "callbacks");
  ASSERT_NE(callbacks, nullptr) << answer.dump();
  ASSERT_EQ((*callbacks)["rows"].size(), 2u) << callbacks->dump();
  std::set<std::string> who;
  for (std::size_t r = 0; r < 2; ++r) {
    who.insert(testing::cell(*callbacks, r, "respondent_id").get<std::string>());
    EXPECT_FALSE(testing::cell(*callbacks, r, "contact").is_null());
  }
  EXPECT_EQ(who, (std::set<std::string>{"C-001", "C-004"}));
  // Traditional Chinese headers too.
  const json tw = analyze_file("客戶編號,推薦度\nT-1,3\nT-2,10\n", import, AnalyzeOptions{});
  const json* tw_callbacks = testing::find_table(tw, "callbacks");
  ASSERT_NE(tw_callbacks, nullptr) << tw.dump();
  EXPECT_EQ(testing::cell(*tw_callbacks, 0, "respondent_id"), "T-1");
}

// Each kind's field -> column index as a template imports, read as its kind found automatically.
std::map<std::string, int> template_mapping(const std::string& kind, const std::string& suffix) {
  const std::string path =
      std::string(SERVIMETRICS_SOURCE_DIR) + "/public/templates/" + kind + suffix + ".csv";
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_FALSE(text.empty()) << path;
  ImportOptions import;
  import.kind = "auto";
  const json answer = analyze_file(text, import, AnalyzeOptions{});
  EXPECT_EQ(answer.value("kind", ""), kind) << path;
  EXPECT_TRUE(answer["errors"].empty()) << path << ": " << answer["errors"].dump();
  EXPECT_EQ(answer["import"].value("rows_used", 0), 2) << path;
  std::map<std::string, int> mapping;
  for (const json& entry : answer["import"]["mapping"]) {
    mapping[entry["field"].get<std::string>()] = entry["index"].get<int>();
  }
  return mapping;
}

// The Chinese templates the page offers (Simplified .zh, Traditional .zh-TW) are read as their kind
// with every field in the column the English template has it in: each header is an alias the core
// knows.
TEST(HeaderAliases, ChineseTemplatesMapEveryColumnAsTheEnglishOnes) {
  for (const char* kind :
       {"transactions", "subscriptions", "survey", "tickets", "spend", "ledger"}) {
    const std::map<std::string, int> english = template_mapping(kind, "");
    int mapped = 0;
    for (const auto& [field, index] : english) mapped += index >= 0 ? 1 : 0;
    EXPECT_GE(mapped, 3) << kind;
    for (const char* suffix : {".zh", ".zh-TW"}) {
      EXPECT_EQ(template_mapping(kind, suffix), english) << kind << suffix;
    }
  }
}

}  // namespace
}  // namespace servimetrics
