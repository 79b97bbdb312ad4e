// "compact": true leaves formula and inputs_used out of every KPI and changes nothing else; any
// other value of "compact" is an error, not a silent full answer. compute()'s tree is what
// reading answer_text() back gives, though it is built without the text.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "servimetrics/catalog.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

json sample_company() {
  std::ifstream file(SERVIMETRICS_SOURCE_DIR "/public/samples/sample-company.json");
  std::stringstream text;
  text << file.rdbuf();
  return json::parse(text.str(), nullptr, false);
}

TEST(CompactAnswer, DropsFormulaAndInputsUsedOnly) {
  json request = sample_company();
  ASSERT_TRUE(request.is_object());
  json full = compute(request);
  const std::size_t full_size = full.dump().size();
  request["compact"] = true;
  const json compact = compute(request);
  ASSERT_EQ(full["kpis"].size(), compact["kpis"].size());
  ASSERT_GE(full["kpis"].size(), 30U);
  for (json& kpi : full["kpis"]) {
    ASSERT_TRUE(kpi.contains("formula"));
    ASSERT_TRUE(kpi.contains("inputs_used"));
    kpi.erase("formula");
    kpi.erase("inputs_used");
  }
  EXPECT_EQ(full, compact);
  EXPECT_LT(compact.dump().size(), full_size * 3 / 4);
}

TEST(CompactAnswer, FalseGivesTheFullAnswer) {
  const json answer =
      compute({{"inputs", {{"customers_start", 100}, {"customers_lost", 10}}}, {"compact", false}});
  ASSERT_EQ(answer["kpis"].size(), 1U) << answer.dump();
  EXPECT_EQ(answer["kpis"][0]["formula"],
            std::string(servimetrics::find_kpi("churn_rate")->formula));
  EXPECT_TRUE(answer["kpis"][0].contains("inputs_used"));
  EXPECT_TRUE(answer["errors"].empty());
}

TEST(CompactAnswer, NonBooleanIsAnError) {
  const json answer =
      compute({{"inputs", {{"customers_start", 100}, {"customers_lost", 10}}}, {"compact", "yes"}});
  ASSERT_EQ(answer["errors"].size(), 1U) << answer.dump();
  EXPECT_EQ(answer["errors"][0]["input"], "compact");
  EXPECT_EQ(answer["errors"][0]["message"], "\"compact\" must be true or false");
  EXPECT_EQ(answer["kpis"].size(), 1U);
}

TEST(CompactAnswer, TreeIsTheTextReadBack) {
  std::ifstream file(SERVIMETRICS_SOURCE_DIR "/tests/golden/requests/bad.json");
  std::stringstream bad_text;
  bad_text << file.rdbuf();
  json sample = sample_company();
  json compact = sample;
  compact["compact"] = true;
  const json requests[] = {
      sample,
      compact,
      json::parse(bad_text.str(), nullptr, false),
      json::array({1}),
      {{"inputs", {{"bad\xff key", 1}, {"processes", {{"caf\xc3", {{"steps_total", 4}}}}}}}},
      {{"inputs",
        {{"processes",
          {{"a\xff"
            "b",
            {{"steps_total", 4}, {"steps_in_system", 3}}}}}}}},
      {{"inputs", {{"customers_start", 100}, {"customers_lost", 1e300}}}},
  };
  for (const json& request : requests) {
    SCOPED_TRACE(request.dump(-1, ' ', false, json::error_handler_t::replace));
    const json read_back = json::parse(answer_text(request), nullptr, false);
    ASSERT_FALSE(read_back.is_discarded());
    const json tree = compute(request);
    EXPECT_EQ(tree, read_back);
    EXPECT_EQ(dump_answer(tree), dump_answer(read_back));
  }
}

}  // namespace
}  // namespace servimetrics
