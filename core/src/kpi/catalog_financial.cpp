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
    return input_error(missing, std::string("time_to_market_months needs idea_to_launch_months, or "
                                            "idea_date and launch_date; ") +
                                    missing + " is missing");
  }
  const double days = a.number("launch_date") - a.number("idea_date");
  if (days < 0) return input_error("launch_date", "launch_date is before idea_date");
  return as_kpi(days / kDaysPerMonth);
}

}  // namespace

std::vector<KpiSpec> financial_kpis() {
  using D = Direction;
  return {
      {"service_revenue_share",
       "financial",
       Unit::fraction,
       "service revenue share",
       {"Service revenue share", "服务收入占比"},
       "service_revenue / total_revenue",
       {"How far the business has moved from selling products to selling services; the healthy "
        "level depends on the industry.",
        "业务从卖产品转向卖服务的程度；健康水平因行业而异。"},
       {{"service_revenue"}, {"total_revenue"}, {"industry", true}},
       std::nullopt,
       {{"manufacturing", BandRule{D::higher, Threshold{0.20, false}, Threshold{0.15, false}}},
        {"technology", BandRule{D::higher, Threshold{0.50, false}, Threshold{0.30, false}}}},
       compute_service_revenue_share},
      {"service_innovation_roi",
       "financial",
       Unit::fraction,
       "service innovation ROI",
       {"Service innovation ROI", "服务创新投资回报率"},
       "(revenue_gain - investment) / investment",
       {"What a new service earned beyond its cost; at or below zero it has not paid for itself "
        "yet.",
        "新服务在收回成本之后多赚的比例；小于等于 0 说明尚未收回投入。"},
       {{"revenue_gain"}, {"investment"}},
       BandRule{D::higher, Threshold{0, true}, std::nullopt},
       {},
       [](const KpiArgs& a) {
         return as_kpi(service_innovation_roi(a.number("revenue_gain"), a.number("investment")));
       }},
      {"digital_transformation_roi",
       "financial",
       Unit::fraction,
       "digital ROI (articles)",
       {"Digital transformation ROI (benefit / investment)", "数字化转型投资回报率（收益/投入）"},
       "benefit_3y / investment",
       {"The articles' ROI: 3-year benefit over investment. Below 10%, pause the investment and "
        "find the problem. Read it beside the net ROI.",
        "文章中的定义：三年收益除以投入。低于 10% 时应暂停投入、查找问题。请与净回报率对照阅读。"},
       {{"benefit_3y"}, {"investment"}},
       BandRule{D::higher, Threshold{0.15, true}, Threshold{0.10, false}},
       {},
       [](const KpiArgs& a) {
         return as_kpi(digital_transformation_roi(a.number("benefit_3y"), a.number("investment")));
       }},
      {"digital_transformation_net_roi",
       "financial",
       Unit::fraction,
       "digital net ROI",
       {"Digital transformation net ROI", "数字化转型净投资回报率"},
       "(benefit_3y - investment) / investment",
       {"The textbook ROI: what the benefit returns beyond the money put in. An articles' ROI of "
        "96% is a net ROI of -4%: the investment has not paid back yet.",
        "教科书定义：收益扣除投入后的回报。文章口径 96% 的回报率，净回报率是 "
        "-4%，即投入尚未收回。"},
       {{"benefit_3y"}, {"investment"}},
       BandRule{D::higher, Threshold{0, true}, std::nullopt},
       {},
       [](const KpiArgs& a) {
         return as_kpi(
             digital_transformation_net_roi(a.number("benefit_3y"), a.number("investment")));
       }},
      {"cac_change",
       "financial",
       Unit::fraction,
       "CAC change",
       {"Change in CAC", "获客成本变化率"},
       "(cac_after - cac_before) / cac_before",
       {"How acquisition cost moved; 10% lower CAC lifts net profit by about 8%.",
        "获客成本的变化幅度；获客成本降低 10%，净利润约提升 8%。"},
       {{"cac_before"}, {"cac_after"}},
       BandRule{D::lower, Threshold{0, true}, Threshold{0, false}},
       {},
       [](const KpiArgs& a) {
         return as_kpi(cac_change(a.number("cac_before"), a.number("cac_after")));
       }},
      {"time_to_market_months",
       "financial",
       Unit::months,
       "time to market",
       {"Time to market", "产品上市周期"},
       "idea_to_launch_months, or (launch_date - idea_date) in months of 30.44 days",
       {"Months from idea to launch; going from 6 to 3 months wins about 20% more first-mover "
        "share.",
        "从创意到上市的月数；从 6 个月缩短到 3 个月，可多获得约 20% 的先发市场份额。"},
       {{"idea_to_launch_months", true}, {"idea_date", true}, {"launch_date", true}},
       BandRule{D::lower, Threshold{3, false}, Threshold{6, false}},
       {},
       compute_time_to_market},
  };
}

}  // namespace servimetrics
