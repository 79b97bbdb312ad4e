// Catalog group 2, service operations (服务运营): CAC, response and resolution rates, value-added
// revenue and the value of lower churn.
#include "kpi/kpi_compute.hpp"

namespace servimetrics {
namespace {

Result<KpiValue> compute_cac(const KpiArgs& a) {
  KpiValue kpi;
  double spend = a.number("sales_marketing_spend");
  double acquired = a.number("new_customers");
  if (a.has("channels")) {
    double channel_spend = 0;
    double channel_acquired = 0;
    for (const auto& [channel, row] : a.raw("channels").items()) {
      const double row_spend = row["spend"].get<double>();
      const double row_acquired = row["new_customers"].get<double>();
      channel_spend += row_spend;
      channel_acquired += row_acquired;
      // A channel that won nobody has no CAC, but its spend still counts in the total.
      if (row_acquired > 0) kpi.breakdown.push_back({channel, row_spend / row_acquired});
    }
    if (!a.has("sales_marketing_spend")) spend = channel_spend;
    if (!a.has("new_customers")) acquired = channel_acquired;
  } else if (!a.has("sales_marketing_spend") || !a.has("new_customers")) {
    return input_error(a.has("new_customers") ? "sales_marketing_spend" : "new_customers",
                       "cac needs sales_marketing_spend and new_customers, or channels");
  }
  auto overall = per_unit({"sales_marketing_spend", spend}, {"new_customers", acquired});
  if (!overall.ok()) return overall.error();
  kpi.value = overall.value();
  return kpi;
}

Result<KpiValue> compute_cross_upsell(const KpiArgs& a) {
  KpiValue kpi;
  kpi.value = a.number("cross_sell_revenue") + a.number("upsell_revenue");
  if (a.has("total_revenue")) {
    auto share =
        share_of({"cross_sell_revenue", kpi.value}, {"total_revenue", a.number("total_revenue")});
    if (!share.ok()) {
      if (share.error().input == "cross_sell_revenue") {
        return input_error("cross_sell_revenue",
                           "cross_sell_revenue + upsell_revenue is larger than total_revenue");
      }
      return share.error();
    }
    kpi.details = {{"share_of_total", share.value()}};
  }
  return kpi;
}

}  // namespace

std::vector<KpiSpec> operations_kpis() {
  using D = Direction;
  const auto rate_rule = [](double good, double watch) {
    return BandRule{D::higher, Threshold{good, false}, Threshold{watch, false}};
  };
  return {
      {"cac",
       "operations",
       Unit::money,
       "CAC",
       {"Customer acquisition cost (CAC)", "获客成本（CAC）"},
       "sales_marketing_spend / new_customers (per channel: channel spend / channel new customers)",
       {"What winning one new customer costs in ads, events, commissions and sales pay; compare "
        "channels and shift spend to the cheapest.",
        "获取一位新客户的成本（广告、活动、佣金、销售薪酬）；比较各渠道，把预算转向成本最低的渠道"
        "。"},
       {{"sales_marketing_spend", true}, {"new_customers", true}, {"channels", true}},
       std::nullopt,
       {},
       compute_cac},
      {"cac_savings",
       "operations",
       Unit::money,
       "CAC savings",
       {"Annual CAC savings", "获客成本年节省额"},
       "(cac_before - cac_after) * new_customers_per_year",
       {"Money saved each year by acquiring customers more cheaply.",
        "获客成本下降后每年节省的金额。"},
       {{"cac_before"}, {"cac_after"}, {"new_customers_per_year"}},
       std::nullopt,
       {},
       [](const KpiArgs& a) {
         return as_kpi(cac_savings(a.number("cac_before"), a.number("cac_after"),
                                   a.number("new_customers_per_year")));
       }},
      {"first_response_hours",
       "operations",
       Unit::hours,
       "first response",
       {"Average first response time", "平均首次响应时间"},
       "avg_first_response_hours",
       {"How long a customer waits for the first answer; cutting 4 hours to 1 is linked to higher "
        "satisfaction and renewals.",
        "客户等待首次答复的时间；从 4 小时缩短到 1 小时，满意度和续约率都会明显提升。"},
       {{"avg_first_response_hours"}},
       BandRule{D::lower, Threshold{1, false}, Threshold{4, false}},
       {},
       [](const KpiArgs& a) { return typed_value(a, "avg_first_response_hours"); }},
      {"reply_within_1h_rate",
       "operations",
       Unit::fraction,
       "replies within 1 h",
       {"Online inquiries answered within 1 hour", "线上咨询 1 小时回复率"},
       "replied_within_1h / online_inquiries",
       {"Share of online inquiries answered within an hour; below 70%, add staff or automate "
        "routine answers at peak times.",
        "1 小时内得到回复的线上咨询占比；低于 70% 时，应在高峰时段增加人手或自动回复常见问题。"},
       {{"online_inquiries"}, {"replied_within_1h"}},
       rate_rule(0.9, 0.7),
       {},
       [](const KpiArgs& a) { return input_share(a, "replied_within_1h", "online_inquiries"); }},
      {"urgent_within_2h_rate",
       "operations",
       Unit::fraction,
       "urgent answered within 2 h",
       {"Urgent requests answered within 2 hours", "紧急需求 2 小时响应率"},
       "urgent_responded_within_2h / urgent_requests",
       {"Share of urgent requests answered within two hours; misses here cost the most goodwill.",
        "2 小时内响应的紧急需求占比；这里的失误最伤客户信任。"},
       {{"urgent_requests"}, {"urgent_responded_within_2h"}},
       rate_rule(0.95, 0.8),
       {},
       [](const KpiArgs& a) {
         return input_share(a, "urgent_responded_within_2h", "urgent_requests");
       }},
      {"dispatch_within_24h_rate",
       "operations",
       Unit::fraction,
       "dispatched within 24 h",
       {"Service requests dispatched within 24 hours", "服务请求 24 小时派工率"},
       "dispatched_within_24h / service_requests",
       {"Share of service requests with a technician or owner assigned within a day.",
        "24 小时内完成派工的服务请求占比。"},
       {{"service_requests"}, {"dispatched_within_24h"}},
       rate_rule(0.95, 0.8),
       {},
       [](const KpiArgs& a) {
         return input_share(a, "dispatched_within_24h", "service_requests");
       }},
      {"complaint_closed_7d_rate",
       "operations",
       Unit::fraction,
       "complaints closed in 7 days",
       {"Complaints closed within 7 days", "投诉 7 天结案率"},
       "closed_within_7d / complaints",
       {"Share of complaints resolved within a week; open complaints turn into churn.",
        "7 天内结案的投诉占比；迟迟不结的投诉会变成客户流失。"},
       {{"complaints"}, {"closed_within_7d"}},
       rate_rule(0.9, 0.7),
       {},
       [](const KpiArgs& a) { return input_share(a, "closed_within_7d", "complaints"); }},
      {"repeat_complaint_rate",
       "operations",
       Unit::fraction,
       "repeat complaints",
       {"Repeat complaint rate", "重复投诉率"},
       "repeat_complaints / complaints",
       {"Share of complaints about a problem already complained about; 5% or more means fixes do "
        "not stick — find the root cause.",
        "针对同一问题再次投诉的占比；达到 5% 说明问题没有根治，需要找出根本原因。"},
       {{"complaints"}, {"repeat_complaints"}},
       BandRule{D::lower, Threshold{0.05, true}, std::nullopt},
       {},
       [](const KpiArgs& a) { return input_share(a, "repeat_complaints", "complaints"); }},
      {"first_contact_resolution_rate",
       "operations",
       Unit::fraction,
       "first contact resolution",
       {"First contact resolution rate (FCR)", "首次解决率（FCR）"},
       "resolved_first_contact / issues",
       {"Share of issues solved at the first contact; each point saves after-sales labour and "
        "lifts repeat purchases.",
        "首次接触即解决的问题占比；每提高一点都能节省售后人力并带动复购。"},
       {{"issues"}, {"resolved_first_contact"}},
       rate_rule(0.8, 0.7),
       {},
       [](const KpiArgs& a) { return input_share(a, "resolved_first_contact", "issues"); }},
      {"value_added_service_share",
       "operations",
       Unit::fraction,
       "value-added share",
       {"Value-added service revenue share", "增值服务收入占比"},
       "value_added_service_revenue / total_revenue",
       {"Share of revenue from value-added services beyond the basic product and service.",
        "来自增值服务（基础产品与服务之外）的收入占比。"},
       {{"value_added_service_revenue"}, {"total_revenue"}},
       std::nullopt,
       {},
       [](const KpiArgs& a) {
         return input_share(a, "value_added_service_revenue", "total_revenue");
       }},
      {"cross_upsell_revenue",
       "operations",
       Unit::money,
       "cross-sell and upsell",
       {"Cross-sell and upsell revenue", "交叉销售与追加销售收入"},
       "cross_sell_revenue + upsell_revenue; share = that / total_revenue",
       {"Revenue from selling existing customers more; it is the cheapest growth there is.",
        "向现有客户多卖出的收入；这是成本最低的增长。"},
       {{"cross_sell_revenue"}, {"upsell_revenue"}, {"total_revenue", true}},
       std::nullopt,
       {},
       compute_cross_upsell},
      {"churn_reduction_value",
       "operations",
       Unit::money,
       "revenue kept",
       {"Revenue kept by lower churn", "降低流失带来的年收入"},
       "customers * (churn_before - churn_after) * annual_revenue_per_customer",
       {"Revenue kept each year because fewer customers leave.",
        "因客户流失减少而每年保住的收入。"},
       {{"customers"}, {"churn_before"}, {"churn_after"}, {"annual_revenue_per_customer"}},
       std::nullopt,
       {},
       [](const KpiArgs& a) {
         return as_kpi(churn_reduction_value(a.number("customers"), a.number("churn_before"),
                                             a.number("churn_after"),
                                             a.number("annual_revenue_per_customer")));
       }},
  };
}

}  // namespace servimetrics
