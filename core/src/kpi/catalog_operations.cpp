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
    const char* missing = a.has("new_customers") ? "sales_marketing_spend" : "new_customers";
    return Error{.input = missing,
                 .message = "cac needs sales_marketing_spend and new_customers, or channels",
                 .code = "cac_needs_spend_and_customers",
                 .params = {{"input", missing}}};
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
        return Error{.input = "cross_sell_revenue",
                     .message = "cross_sell_revenue + upsell_revenue is larger than total_revenue",
                     .code = "cross_upsell_exceeds_total",
                     .params = {{"value", kpi.value}, {"total", a.number("total_revenue")}}};
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
      {.id = "cac",
       .group = "operations",
       .unit = Unit::money,
       .symbol = "CAC",
       .name = {.en = "Customer acquisition cost (CAC)", .zh = "获客成本（CAC）"},
       .formula = "sales_marketing_spend / new_customers (per channel: channel spend / channel new "
                  "customers)",
       .explanation = {.en = "What winning one new customer costs in ads, events, commissions and "
                             "sales pay; compare channels and shift spend to the cheapest.",
                       .zh = "获取一位新客户的成本（广告、活动、佣金、销售薪酬）；比较各渠道，把预"
                             "算转向成本最低的渠道。"},
       .inputs = {{.name = "sales_marketing_spend", .optional = true},
                  {.name = "new_customers", .optional = true},
                  {.name = "channels", .optional = true}},
       .compute = compute_cac},
      {.id = "cac_savings",
       .group = "operations",
       .unit = Unit::money,
       .symbol = "CAC savings",
       .name = {.en = "Annual CAC savings", .zh = "获客成本年节省额"},
       .formula = "(cac_before - cac_after) * new_customers_per_year",
       .explanation = {.en = "Money saved each year by acquiring customers more cheaply.",
                       .zh = "获客成本下降后每年节省的金额。"},
       .inputs = {{.name = "cac_before"},
                  {.name = "cac_after"},
                  {.name = "new_customers_per_year"}},
       .compute =
           [](const KpiArgs& a) {
             return as_kpi(cac_savings(a.number("cac_before"), a.number("cac_after"),
                                       a.number("new_customers_per_year")));
           }},
      {.id = "first_response_hours",
       .group = "operations",
       .unit = Unit::hours,
       .symbol = "first response",
       .name = {.en = "Average first response time", .zh = "平均首次响应时间"},
       .formula = "avg_first_response_hours",
       .explanation =
           {.en = "How long a customer waits for the first answer; cutting 4 hours to 1 is linked "
                  "to higher satisfaction and renewals.",
            .zh = "客户等待首次答复的时间；从 4 小时缩短到 1 小时，满意度和续约率都会明显提升。"},
       .inputs = {{.name = "avg_first_response_hours"}},
       .bands = BandRule{D::lower, Threshold{1, false}, Threshold{4, false}},
       .compute = [](const KpiArgs& a) { return typed_value(a, "avg_first_response_hours"); }},
      {.id = "reply_within_1h_rate",
       .group = "operations",
       .unit = Unit::fraction,
       .symbol = "replies within 1 h",
       .name = {.en = "Online inquiries answered within 1 hour", .zh = "线上咨询 1 小时回复率"},
       .formula = "replied_within_1h / online_inquiries",
       .explanation = {.en = "Share of online inquiries answered within an hour; below 70%, add "
                             "staff or automate routine answers at peak times.",
                       .zh = "1 小时内得到回复的线上咨询占比；低于 70% "
                             "时，应在高峰时段增加人手或自动回复常见问题。"},
       .inputs = {{.name = "online_inquiries"}, {.name = "replied_within_1h"}},
       .bands = rate_rule(0.9, 0.7),
       .compute =
           [](const KpiArgs& a) {
             return input_share(a, "replied_within_1h", "online_inquiries");
           }},
      {.id = "urgent_within_2h_rate",
       .group = "operations",
       .unit = Unit::fraction,
       .symbol = "urgent answered within 2 h",
       .name = {.en = "Urgent requests answered within 2 hours", .zh = "紧急需求 2 小时响应率"},
       .formula = "urgent_responded_within_2h / urgent_requests",
       .explanation = {.en = "Share of urgent requests answered within two hours; misses here cost "
                             "the most goodwill.",
                       .zh = "2 小时内响应的紧急需求占比；这里的失误最伤客户信任。"},
       .inputs = {{.name = "urgent_requests"}, {.name = "urgent_responded_within_2h"}},
       .bands = rate_rule(0.95, 0.8),
       .compute =
           [](const KpiArgs& a) {
             return input_share(a, "urgent_responded_within_2h", "urgent_requests");
           }},
      {.id = "dispatch_within_24h_rate",
       .group = "operations",
       .unit = Unit::fraction,
       .symbol = "dispatched within 24 h",
       .name = {.en = "Service requests dispatched within 24 hours",
                .zh = "服务请求 24 小时派工率"},
       .formula = "dispatched_within_24h / service_requests",
       .explanation =
           {.en = "Share of service requests with a technician or owner assigned within a day.",
            .zh = "24 小时内完成派工的服务请求占比。"},
       .inputs = {{.name = "service_requests"}, {.name = "dispatched_within_24h"}},
       .bands = rate_rule(0.95, 0.8),
       .compute =
           [](const KpiArgs& a) {
             return input_share(a, "dispatched_within_24h", "service_requests");
           }},
      {.id = "complaint_closed_7d_rate",
       .group = "operations",
       .unit = Unit::fraction,
       .symbol = "complaints closed in 7 days",
       .name = {.en = "Complaints closed within 7 days", .zh = "投诉 7 天结案率"},
       .formula = "closed_within_7d / complaints",
       .explanation =
           {.en = "Share of complaints resolved within a week; open complaints turn into churn.",
            .zh = "7 天内结案的投诉占比；迟迟不结的投诉会变成客户流失。"},
       .inputs = {{.name = "complaints"}, {.name = "closed_within_7d"}},
       .bands = rate_rule(0.9, 0.7),
       .compute =
           [](const KpiArgs& a) { return input_share(a, "closed_within_7d", "complaints"); }},
      {.id = "repeat_complaint_rate",
       .group = "operations",
       .unit = Unit::fraction,
       .symbol = "repeat complaints",
       .name = {.en = "Repeat complaint rate", .zh = "重复投诉率"},
       .formula = "repeat_complaints / complaints",
       .explanation =
           {.en = "Share of complaints about a problem already complained about; 5% or more means "
                  "fixes do not stick — find the root cause.",
            .zh = "针对同一问题再次投诉的占比；达到 5% 说明问题没有根治，需要找出根本原因。"},
       .inputs = {{.name = "complaints"}, {.name = "repeat_complaints"}},
       .bands = BandRule{D::lower, Threshold{0.05, true}, std::nullopt},
       .compute =
           [](const KpiArgs& a) { return input_share(a, "repeat_complaints", "complaints"); }},
      {.id = "first_contact_resolution_rate",
       .group = "operations",
       .unit = Unit::fraction,
       .symbol = "first contact resolution",
       .name = {.en = "First contact resolution rate (FCR)", .zh = "首次解决率（FCR）"},
       .formula = "resolved_first_contact / issues",
       .explanation = {.en = "Share of issues solved at the first contact; each point saves "
                             "after-sales labour and lifts repeat purchases.",
                       .zh = "首次接触即解决的问题占比；每提高一点都能节省售后人力并带动复购。"},
       .inputs = {{.name = "issues"}, {.name = "resolved_first_contact"}},
       .bands = rate_rule(0.8, 0.7),
       .compute =
           [](const KpiArgs& a) { return input_share(a, "resolved_first_contact", "issues"); }},
      {.id = "value_added_service_share",
       .group = "operations",
       .unit = Unit::fraction,
       .symbol = "value-added share",
       .name = {.en = "Value-added service revenue share", .zh = "增值服务收入占比"},
       .formula = "value_added_service_revenue / total_revenue",
       .explanation =
           {.en =
                "Share of revenue from value-added services beyond the basic product and service.",
            .zh = "来自增值服务（基础产品与服务之外）的收入占比。"},
       .inputs = {{.name = "value_added_service_revenue"}, {.name = "total_revenue"}},
       .compute =
           [](const KpiArgs& a) {
             return input_share(a, "value_added_service_revenue", "total_revenue");
           }},
      {.id = "cross_upsell_revenue",
       .group = "operations",
       .unit = Unit::money,
       .symbol = "cross-sell and upsell",
       .name = {.en = "Cross-sell and upsell revenue", .zh = "交叉销售与追加销售收入"},
       .formula = "cross_sell_revenue + upsell_revenue; share = that / total_revenue",
       .explanation =
           {.en =
                "Revenue from selling existing customers more; it is the cheapest growth there is.",
            .zh = "向现有客户多卖出的收入；这是成本最低的增长。"},
       .inputs = {{.name = "cross_sell_revenue"},
                  {.name = "upsell_revenue"},
                  {.name = "total_revenue", .optional = true}},
       .compute = compute_cross_upsell},
      {.id = "churn_reduction_value",
       .group = "operations",
       .unit = Unit::money,
       .symbol = "revenue kept",
       .name = {.en = "Revenue kept by lower churn", .zh = "降低流失带来的年收入"},
       .formula = "customers * (churn_before - churn_after) * annual_revenue_per_customer",
       .explanation = {.en = "Revenue kept each year because fewer customers leave.",
                       .zh = "因客户流失减少而每年保住的收入。"},
       .inputs = {{.name = "customers"},
                  {.name = "churn_before"},
                  {.name = "churn_after"},
                  {.name = "annual_revenue_per_customer"}},
       .compute =
           [](const KpiArgs& a) {
             return as_kpi(churn_reduction_value(a.number("customers"), a.number("churn_before"),
                                                 a.number("churn_after"),
                                                 a.number("annual_revenue_per_customer")));
           }},
  };
}

}  // namespace servimetrics
