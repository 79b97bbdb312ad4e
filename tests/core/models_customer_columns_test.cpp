// The customers' table as plain columns (fit_models with CustomerColumns) holds what the answer's
// JSON rows hold, and the summaries do not depend on the order of a file's rows (grouped by
// customer code, each customer's days sorted).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "column_table_builder.hpp"
#include "servimetrics/models.hpp"

namespace {

using nlohmann::json;
using servimetrics::CustomerColumns;
using servimetrics::fit_models;
using servimetrics::Timestamp;
using servimetrics::testing::at;
using servimetrics::testing::ColumnTableBuilder;

struct Lines {
  std::vector<std::string> ids;
  std::vector<Timestamp> dates;
  std::vector<double> amounts;
};

// 400 customers buying at random (seeded) over 2024, a few returns among their lines.
Lines random_lines() {
  std::mt19937 random(7);
  std::uniform_real_distribution<double> u(0, 1);
  Lines l;
  for (int c = 0; c < 400; ++c) {
    double day = u(random) * 150;
    const double rate = 0.01 + u(random) * 0.08, stop = u(random) * 700;
    do {
      l.ids.push_back("cust-" + std::to_string(c));
      l.dates.push_back(at(2024, 1, 1) + static_cast<Timestamp>(day) * 86400);
      l.amounts.push_back(u(random) < 0.03 ? -5 : std::round(500 + u(random) * 6000) / 100);
      day += -std::log(1 - u(random)) / rate;
    } while (day < std::min(stop, 365.0));
  }
  return l;
}

servimetrics::ImportedTable table_of(const Lines& l) {
  const std::vector<std::string_view> ids(l.ids.begin(), l.ids.end());
  return ColumnTableBuilder("transactions")
      .texts("customer_id", ids)
      .dates("date", l.dates)
      .numbers("amount", l.amounts)
      .build();
}

// Each customer's row of the JSON answer, by id.
std::map<std::string, json> rows_by_id(const json& answer) {
  std::map<std::string, json> rows;
  for (const json& row : answer["customers"]) rows[row[0].get<std::string>()] = row;
  return rows;
}

double cell(const json& v) {
  return v.is_number() ? v.get<double>() : NAN;
}

void expect_same(double a, double b, const std::string& what) {
  if (std::isnan(b)) {
    EXPECT_TRUE(std::isnan(a)) << what;
  } else {
    EXPECT_EQ(a, b) << what;
  }
}

TEST(ModelsCustomerColumns, ColumnsHoldTheRowsOfTheChosenModel) {
  const auto table = table_of(random_lines());
  const json options = {
      {"time_unit", "week"}, {"margin", 0.3}, {"models", {"bg_nbd", "pareto_nbd", "gamma_gamma"}}};
  const json rows = fit_models(table, options);
  CustomerColumns columns;
  const json answer = fit_models(table, options, columns);
  ASSERT_EQ(rows["errors"], json::array()) << rows["errors"].dump();
  // A few customers whose only line is a return are in no summary.
  const std::size_t n = rows["customers"].size();
  ASSERT_GT(n, 380u);
  EXPECT_EQ(answer["customers"], json::array());
  EXPECT_EQ(answer["base"], rows["base"]);
  EXPECT_EQ(answer["model_choice"], rows["model_choice"]);
  const std::string model = rows["model_choice"]["model"].get<std::string>();
  EXPECT_EQ(columns.model, model);
  const json& names = rows["customer_columns"];
  const auto at_column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  ASSERT_EQ(columns.id_ends.size(), n);
  ASSERT_EQ(columns.p_alive.size(), n);
  EXPECT_TRUE(columns.clv_p5.empty());
  for (std::size_t i = 0; i < n; ++i) {
    const json& row = rows["customers"][i];
    const std::uint32_t begin = i == 0 ? 0 : columns.id_ends[i - 1];
    EXPECT_EQ(columns.ids.substr(begin, columns.id_ends[i] - begin), row[0].get<std::string>());
    EXPECT_EQ(columns.x[i], cell(row[1]));
    EXPECT_EQ(columns.t_x[i], cell(row[2]));
    EXPECT_EQ(columns.T[i], cell(row[3]));
    EXPECT_EQ(columns.mean_spend[i], cell(row[4]));
    expect_same(columns.p_alive[i], cell(row[at_column(model + "_p_alive")]), "p_alive");
    expect_same(columns.expected[i], cell(row[at_column(model + "_expected")]), "expected");
    expect_same(columns.clv[i], cell(row[at_column(model + "_clv")]), "clv");
  }
}

TEST(ModelsCustomerColumns, IntervalsBecomeColumnsAndLeaveTheAnswer) {
  const auto table = table_of(random_lines());
  const json options = {{"time_unit", "week"},
                        {"models", {"bg_nbd", "gamma_gamma"}},
                        {"intervals", {{"draws", 20}, {"seed", 3}}}};
  const json rows = fit_models(table, options);
  CustomerColumns columns;
  const json answer = fit_models(table, options, columns);
  ASSERT_TRUE(rows.contains("intervals")) << rows["warnings"].dump();
  const std::size_t n = rows["customers"].size();
  ASSERT_EQ(columns.clv_p5.size(), n);
  EXPECT_EQ(answer["intervals"]["customers"], json::array());
  EXPECT_EQ(answer["intervals"]["value"], rows["intervals"]["value"]);
  for (std::size_t i = 0; i < n; ++i) {
    const json& range = rows["intervals"]["customers"][i];
    expect_same(columns.clv_p5[i], range.is_array() ? cell(range[0]) : NAN, "p5");
    expect_same(columns.clv_p95[i], range.is_array() ? cell(range[2]) : NAN, "p95");
  }
}

TEST(ModelsCustomerColumns, TheOrderOfTheRowsDoesNotChangeTheSummaries) {
  const Lines ordered = random_lines();
  Lines shuffled = ordered;
  std::vector<std::size_t> order(ordered.ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937(11));
  for (std::size_t k = 0; k < order.size(); ++k) {
    shuffled.ids[k] = ordered.ids[order[k]];
    shuffled.dates[k] = ordered.dates[order[k]];
    shuffled.amounts[k] = ordered.amounts[order[k]];
  }
  const json options = {{"time_unit", "day"}, {"models", {"bg_nbd"}}, {"cohorts", true}};
  const json a = fit_models(table_of(ordered), options);
  const json b = fit_models(table_of(shuffled), options);
  ASSERT_GT(a["customers"].size(), 380u);
  const auto rows_a = rows_by_id(a), rows_b = rows_by_id(b);
  ASSERT_EQ(rows_a.size(), rows_b.size());
  for (const auto& [id, row] : rows_a)
    for (std::size_t k = 1; k <= 4; ++k)
      EXPECT_NEAR(cell(row[k]), cell(rows_b.at(id)[k]), 1e-9) << id << " column " << k;
  EXPECT_EQ(a["summary"]["warnings"], b["summary"]["warnings"]);
  EXPECT_EQ(a["cohorts"]["customers"], b["cohorts"]["customers"]);
  EXPECT_EQ(a["cohorts"]["active"], b["cohorts"]["active"]);
}

}  // namespace
