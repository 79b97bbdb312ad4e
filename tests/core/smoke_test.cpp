// First check that the catalog assembles and answers a request.
#include <gtest/gtest.h>

#include "servimetrics/request.hpp"

TEST(Smoke, CltvWorkedExample) {
  auto answer = servimetrics::compute(
      {{"inputs", {{"annual_revenue_per_customer", 10000}, {"relationship_years", 3}}}});
  ASSERT_EQ(answer["kpis"].size(), 1u) << answer.dump();
  EXPECT_DOUBLE_EQ(answer["kpis"][0]["value"].get<double>(), 30000);
}
