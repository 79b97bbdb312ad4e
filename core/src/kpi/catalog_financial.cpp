// Catalog group 3, financial (财务): service revenue share, returns on investments, CAC change,
// time to market.
#include <string>

#include "kpi/kpi_compute.hpp"

namespace servimetrics {
namespace {

Result<KpiValue> compute_service_revenue_share(const KpiArgs& a) {
  auto share = input_share(a, "service_revenue", "total_revenue");
  if (!share.ok()) return share;
  share.value().band_variant = a.has("industry") ? a.raw("industry").get<std::string>() : "other";
  return share;
}

Result<KpiValue> compute_time_to_market(const KpiArgs& a) {
  if (a.has("idea_to_launch_months")) return typed_value(a, "idea_to_launch_months");
  if (!a.has("idea_date") || !a.has("launch_date")) {
    const char* missing = a.has("idea_date") ? "launch_date" : "idea_date";
    return Error{.input = missing,
                 .message = std::string("time_to_market_months needs idea_to_launch_months, or "
                                        "idea_date and launch_date; ") +
                            missing + " is missing",
                 .code = "time_to_market_needs_dates",
                 .params = {{"input", missing}}};
  }
  const double days = a.number("launch_date") - a.number("idea_date");
  if (days < 0) {
    return Error{.input = "launch_date",
                 .message = "launch_date is before idea_date",
                 .code = "launch_before_idea",
                 .params = {{"days", -days}}};
  }
  return as_kpi(days / kDaysPerMonth);
}

}  // namespace

std::vector<KpiSpec> financial_kpis() {
  using D = Direction;
  return {
      {.id = "service_revenue_share",
       .group = "financial",
       .unit = Unit::fraction,
       .symbol = "service revenue share",
       .name = {.en = "Service revenue share", .zh = "服务收入占比"},
       .formula = "service_revenue / total_revenue",
       .explanation = {.en = "How far the business has moved from selling products to selling "
                             "services; the healthy level depends on the industry.",
                       .zh = "业务从卖产品转向卖服务的程度；健康水平因行业而异。"},
       .inputs = {{.name = "service_revenue"},
                  {.name = "total_revenue"},
                  {.name = "industry", .optional = true}},
       .band_variants = {{"manufacturing",
                          BandRule{D::higher, Threshold{0.20, false}, Threshold{0.15, false}}},
                         {"technology",
                          BandRule{D::higher, Threshold{0.50, false}, Threshold{0.30, false}}}},
       .compute = compute_service_revenue_share},
      {.id = "service_innovation_roi",
       .group = "financial",
       .unit = Unit::fraction,
       .symbol = "service innovation ROI",
       .name = {.en = "Service innovation ROI", .zh = "服务创新投资回报率"},
       .formula = "(revenue_gain - investment) / investment",
       .explanation = {.en = "What a new service earned beyond its cost; at or below zero it has "
                             "not paid for itself yet.",
                       .zh = "新服务在收回成本之后多赚的比例；小于等于 0 说明尚未收回投入。"},
       .inputs = {{.name = "revenue_gain"}, {.name = "investment"}},
       .bands = BandRule{D::higher, Threshold{0, true}, std::nullopt},
       .compute =
           [](const KpiArgs& a) {
             return as_kpi(
                 service_innovation_roi(a.number("revenue_gain"), a.number("investment")));
           }},
      {.id = "digital_transformation_roi",
       .group = "financial",
       .unit = Unit::fraction,
       .symbol = "digital ROI (articles)",
       .name = {.en = "Digital transformation ROI (benefit / investment)",
                .zh = "数字化转型投资回报率（收益/投入）"},
       .formula = "benefit_3y / investment",
       .explanation = {.en = "The articles' ROI: 3-year benefit over investment. Below 10%, pause "
                             "the investment and find the problem. Read it beside the net ROI.",
                       .zh = "文章中的定义：三年收益除以投入。低于 10% "
                             "时应暂停投入、查找问题。请与净回报率对照阅读。"},
       .inputs = {{.name = "benefit_3y"}, {.name = "investment"}},
       .bands = BandRule{D::higher, Threshold{0.15, true}, Threshold{0.10, false}},
       .compute =
           [](const KpiArgs& a) {
             return as_kpi(
                 digital_transformation_roi(a.number("benefit_3y"), a.number("investment")));
           }},
      {.id = "digital_transformation_net_roi",
       .group = "financial",
       .unit = Unit::fraction,
       .symbol = "digital net ROI",
       .name = {.en = "Digital transformation net ROI", .zh = "数字化转型净投资回报率"},
       .formula = "(benefit_3y - investment) / investment",
       .explanation =
           {.en = "The textbook ROI: what the benefit returns beyond the money put in. An "
                  "articles' ROI of 96% is a net ROI of -4%: the investment has not paid back yet.",
            .zh = "教科书定义：收益扣除投入后的回报。文章口径 96% 的回报率，净回报率是 "
                  "-4%，即投入尚未收回。"},
       .inputs = {{.name = "benefit_3y"}, {.name = "investment"}},
       .bands = BandRule{D::higher, Threshold{0, true}, std::nullopt},
       .compute =
           [](const KpiArgs& a) {
             return as_kpi(
                 digital_transformation_net_roi(a.number("benefit_3y"), a.number("investment")));
           }},
      {.id = "cac_change",
       .group = "financial",
       .unit = Unit::fraction,
       .symbol = "CAC change",
       .name = {.en = "Change in CAC", .zh = "获客成本变化率"},
       .formula = "(cac_after - cac_before) / cac_before",
       .explanation =
           {.en = "How acquisition cost moved; 10% lower CAC lifts net profit by about 8%.",
            .zh = "获客成本的变化幅度；获客成本降低 10%，净利润约提升 8%。"},
       .inputs = {{.name = "cac_before"}, {.name = "cac_after"}},
       .bands = BandRule{D::lower, Threshold{0, true}, Threshold{0, false}},
       .compute =
           [](const KpiArgs& a) {
             return as_kpi(cac_change(a.number("cac_before"), a.number("cac_after")));
           }},
      {.id = "time_to_market_months",
       .group = "financial",
       .unit = Unit::months,
       .symbol = "time to market",
       .name = {.en = "Time to market", .zh = "产品上市周期"},
       .formula = "idea_to_launch_months, or months = (launch_date - idea_date) in days / "
                  "30.436875 (365.2425 / 12, the mean Gregorian month)",
       .explanation =
           {.en = "Months from idea to launch; going from 6 to 3 months wins about 20% more "
                  "first-mover share.",
            .zh = "从创意到上市的月数；从 6 个月缩短到 3 个月，可多获得约 20% 的先发市场份额。"},
       .inputs = {{.name = "idea_to_launch_months", .optional = true},
                  {.name = "idea_date", .optional = true},
                  {.name = "launch_date", .optional = true}},
       .bands = BandRule{D::lower, Threshold{3, false}, Threshold{6, false}},
       .compute = compute_time_to_market},
  };
}

}  // namespace servimetrics
