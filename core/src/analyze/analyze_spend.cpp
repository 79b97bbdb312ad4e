// Marketing spend: totals per channel, and CAC overall and per channel through the catalog.
#include <array>
#include <vector>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {

nlohmann::json analyze_spend_table(const ImportedTable& table, const AnalyzeOptions& /*options*/) {
  using json = nlohmann::json;
  json answer = {{"kpis", json::array()},    {"errors", json::array()},
                 {"inputs", json::object()}, {"measures", json::array()},
                 {"tables", json::object()}, {"notes", json::array()}};
  const ImportedColumn* channel = table.column("channel");
  const ImportedColumn* spend = table.column("spend");
  const ImportedColumn* acquired = table.column("new_customers");
  if (table.rows() == 0 || channel == nullptr || spend == nullptr || acquired == nullptr) {
    add_note_as(answer, "no_rows", "no_spend_rows", "no usable rows, so no CAC");
    return answer;
  }
  struct Total {
    double spend = 0;
    double new_customers = 0;
  };
  std::vector<Total> totals(channel->dictionary.size());
  for (std::size_t r = 0; r < table.rows(); ++r) {
    Total& t = totals[channel->codes[r]];
    t.spend += spend->numbers[r];
    t.new_customers += acquired->numbers[r];
  }
  json channels = json::object();
  json rows = json::array();
  double all_spend = 0;
  double all_customers = 0;
  for (std::uint32_t c = 0; c < totals.size(); ++c) {
    const std::string name(channel->dictionary.text(c));
    const Total& t = totals[c];
    all_spend += t.spend;
    all_customers += t.new_customers;
    channels[name] = {{"spend", t.spend}, {"new_customers", t.new_customers}};
    rows.push_back({name, t.spend, t.new_customers,
                    t.new_customers > 0 ? json(t.spend / t.new_customers) : json()});
  }
  answer["inputs"] = {{"channels", channels}};
  json computed = compute({{"inputs", answer["inputs"]}});
  answer["kpis"] = std::move(computed["kpis"]);
  answer["errors"] = std::move(computed["errors"]);
  answer["measures"] =
      json::array({{{"id", "spend"}, {"value", all_spend}, {"unit", "money"}},
                   {{"id", "new_customers"}, {"value", all_customers}, {"unit", "count"}},
                   {{"id", "channels"}, {"value", totals.size()}, {"unit", "count"}}});
  add_table(answer, "channels", {"channel", "spend", "new_customers", "cac"}, std::move(rows),
            totals.size());
  return answer;
}

namespace {

// What each column of this kind's answer tables holds.
constexpr auto kColumnUnits = std::to_array<ColumnUnit>({
    {"cac", "money"},
    {"channel", "text"},
    {"new_customers", "count"},
    {"spend", "money"},
});

}  // namespace

extern const KindAnalysis kSpendAnalysis = {"spend", analyze_spend_table, kColumnUnits};

}  // namespace servimetrics
