// "compact": true leaves formula and inputs_used out of every KPI and changes nothing else; any
// other value of "compact" is an error, not a silent full answer.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

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
  EXPECT_EQ(answer["kpis"][0]["formula"], "customers_lost / customers_start");
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

}  // namespace
}  // namespace servimetrics
