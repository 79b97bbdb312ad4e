// Every data kind is one record: each KindSpec of data_kinds() has its analysis (kinds.cpp) and
// the other way round, a table column means the same in every kind, an unknown kind is an error
// with a code, and every note carries a code and params.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "analyze/analyze.hpp"
#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "analyze_test_support.hpp"
#include "servimetrics/data_kinds.hpp"

namespace {

using namespace servimetrics::testing;
using servimetrics::ColumnUnit;
using servimetrics::KindAnalysis;

TEST(AnalyzeKinds, EveryKindHasItsAnalysisAndNoOther) {
  const auto& specs = servimetrics::data_kinds();
  const auto analyses = servimetrics::kind_analyses();
  ASSERT_EQ(specs.size(), analyses.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    EXPECT_EQ(analyses[i]->id, specs[i].id);
    EXPECT_EQ(servimetrics::find_kind_analysis(specs[i].id), analyses[i]);
    EXPECT_NE(analyses[i]->analyze, nullptr);
  }
  EXPECT_EQ(servimetrics::find_kind_analysis("orders"), nullptr);
}

TEST(AnalyzeKinds, AColumnHasOneUnitInEveryKind) {
  std::map<std::string_view, std::string_view> seen;
  for (const KindAnalysis* kind : servimetrics::kind_analyses()) {
    for (const ColumnUnit& entry : kind->units) {
      const auto [it, fresh] = seen.emplace(entry.column, entry.unit);
      EXPECT_EQ(it->second, entry.unit) << kind->id << " / " << entry.column;
      EXPECT_EQ(servimetrics::table_column_unit(entry.column), entry.unit);
    }
  }
  EXPECT_EQ(servimetrics::table_column_unit("3"), "fraction");
  EXPECT_EQ(servimetrics::table_column_unit("no_such_column"), "");
}

TEST(AnalyzeKinds, AnUnknownKindIsAnErrorWithACode) {
  const json answer = servimetrics::analyze("orders", "a,b\n1,2\n");
  ASSERT_FALSE(answer["errors"].empty());
  EXPECT_EQ(answer["errors"][0]["code"], "unknown_kind");
  EXPECT_EQ(answer["errors"][0]["input"], "kind");
  EXPECT_EQ(answer["errors"][0]["params"]["kind"], "orders");
}

TEST(AnalyzeKinds, EverySampleNoteHasACodeAndParams) {
  for (const KindAnalysis* kind : servimetrics::kind_analyses()) {
    const auto text = read_whole_file(std::string(SERVIMETRICS_SOURCE_DIR) + "/public/samples/" +
                                      std::string(kind->id) + ".csv");
    ASSERT_TRUE(text) << kind->id;
    const json answer = servimetrics::analyze(kind->id, *text);
    for (const json& note : answer["notes"]) {
      EXPECT_TRUE(note["code"].is_string() && !note["code"].get<std::string>().empty())
          << note.dump();
      EXPECT_TRUE(note["params"].is_object()) << note.dump();
    }
  }
}

TEST(AnalyzeKinds, SetAsideRowsGiveTheirLinesAsParams) {
  servimetrics::SetAsideRows rows;
  for (std::uint64_t line = 2; line <= 31; ++line) rows.add(line);
  const json params = rows.params();
  EXPECT_EQ(params["count"], 30);
  EXPECT_EQ(params["lines"].size(), 20u);
  EXPECT_EQ(params["lines"][0], 2);
  EXPECT_EQ(params["more"], 10);
}

}  // namespace
