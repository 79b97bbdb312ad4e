// Every distinct input of the catalog once: unit, valid range and label.
#include <limits>

#include "servimetrics/catalog.hpp"

namespace servimetrics {
namespace {

constexpr double kMoney = 1e15;
constexpr double kCount = 1e12;

std::vector<InputSpec> make_inputs() {
  using K = InputKind;
  using U = Unit;
  return {
      // Customer
      {"avg_purchase_value", U::money, K::number, 0, kMoney, {"Average purchase value", "平均客单价"}},
      {"purchases_per_year", U::per_year, K::number, 0, 1e6, {"Purchases per year", "年均购买次数"}},
      {"lifespan_years", U::years, K::number, 0, 200, {"Customer lifespan (years)", "客户生命周期（年）"}},
      {"annual_revenue_per_customer", U::money, K::number, 0, kMoney,
       {"Annual revenue per customer", "单客户年收入"}},
      {"relationship_years", U::years, K::number, 0, 200, {"Relationship length (years)", "合作年限（年）"}},
      {"gross_margin", U::fraction, K::number, 0, 1, {"Gross margin", "毛利率"}},
      {"discount_rate", U::fraction, K::number, 0, 1, {"Annual discount rate", "年折现率"}},
      {"cltv", U::money, K::number, 0, kMoney, {"Customer lifetime value (CLTV)", "客户终身价值（CLTV）"}},
      {"cac", U::money, K::number, 0, kMoney, {"Customer acquisition cost (CAC)", "获客成本（CAC）"}},
      {"customers_start", U::count, K::number, 0, kCount, {"Customers at start of period", "期初客户数"}},
      {"customers_end", U::count, K::number, 0, kCount, {"Customers at end of period", "期末客户数"}},
      {"new_customers", U::count, K::number, 0, kCount, {"New customers in period", "本期新增客户数"}},
      {"customers_lost", U::count, K::number, 0, kCount, {"Customers lost in period", "本期流失客户数"}},
      {"recurring_revenue_start", U::money, K::number, 0, kMoney,
       {"Recurring revenue at start of period", "期初经常性收入"}},
      {"recurring_revenue_lost", U::money, K::number, 0, kMoney,
       {"Recurring revenue lost in period", "本期流失的经常性收入"}},
      {"promoters", U::count, K::number, 0, kCount, {"Promoters (scores 9-10)", "推荐者（9-10 分）"}},
      {"passives", U::count, K::number, 0, kCount, {"Passives (scores 7-8)", "中立者（7-8 分）"}},
      {"detractors", U::count, K::number, 0, kCount, {"Detractors (scores 0-6)", "贬损者（0-6 分）"}},
      {"csat_score_counts", U::count, K::counts5, 0, kCount,
       {"Responses per CSAT score 1 to 5", "满意度 1-5 分各分值人数"}},
      {"csat_average", U::score, K::number, 1, 5, {"Average CSAT score (1-5)", "平均满意度（1-5 分）"}},
      // Service operations
      {"sales_marketing_spend", U::money, K::number, 0, kMoney,
       {"Sales and marketing spend (ads, events, commissions, sales pay)",
        "销售与营销支出（广告、活动、佣金、销售薪酬）"}},
      {"channels", U::groups, K::groups, 0, kMoney, {"Spend and new customers by channel", "分渠道支出与新客户"},
       false, {}, {"spend", "new_customers"}},
      {"cac_before", U::money, K::number, 0, kMoney, {"CAC before the change", "改进前获客成本"}},
      {"cac_after", U::money, K::number, 0, kMoney, {"CAC after the change", "改进后获客成本"}},
      {"new_customers_per_year", U::per_year, K::number, 0, kCount,
       {"New customers per year", "每年新增客户数"}},
      {"avg_first_response_hours", U::hours, K::number, 0, 1e5,
       {"Average first response time (hours)", "平均首次响应时间（小时）"}},
      {"online_inquiries", U::count, K::number, 0, kCount, {"Online inquiries", "线上咨询数"}},
      {"replied_within_1h", U::count, K::number, 0, kCount, {"Replied within 1 hour", "1 小时内回复数"}},
      {"urgent_requests", U::count, K::number, 0, kCount, {"Urgent requests", "紧急需求数"}},
      {"urgent_responded_within_2h", U::count, K::number, 0, kCount,
       {"Urgent requests answered within 2 hours", "2 小时内响应的紧急需求数"}},
      {"service_requests", U::count, K::number, 0, kCount, {"Service requests", "服务请求数"}},
      {"dispatched_within_24h", U::count, K::number, 0, kCount,
       {"Dispatched within 24 hours", "24 小时内派工数"}},
      {"complaints", U::count, K::number, 0, kCount, {"Complaints", "投诉数"}},
      {"closed_within_7d", U::count, K::number, 0, kCount,
       {"Complaints closed within 7 days", "7 天内结案的投诉数"}},
      {"repeat_complaints", U::count, K::number, 0, kCount, {"Repeat complaints", "重复投诉数"}},
      {"issues", U::count, K::number, 0, kCount, {"Issues handled", "受理问题数"}},
      {"resolved_first_contact", U::count, K::number, 0, kCount,
       {"Resolved at first contact", "首次接触即解决数"}},
      {"value_added_service_revenue", U::money, K::number, 0, kMoney,
       {"Value-added service revenue", "增值服务收入"}},
      {"total_revenue", U::money, K::number, 0, kMoney, {"Total revenue", "总收入"}},
      {"cross_sell_revenue", U::money, K::number, 0, kMoney, {"Cross-sell revenue", "交叉销售收入"}},
      {"upsell_revenue", U::money, K::number, 0, kMoney, {"Upsell revenue", "追加销售收入"}},
      {"customers", U::count, K::number, 0, kCount, {"Customers", "客户数"}},
      {"churn_before", U::fraction, K::number, 0, 1, {"Churn rate before", "改进前流失率"}},
      {"churn_after", U::fraction, K::number, 0, 1, {"Churn rate after", "改进后流失率"}},
      // Financial
      {"service_revenue", U::money, K::number, 0, kMoney, {"Service revenue", "服务收入"}},
      {"industry", U::choice, K::choice, 0, 0, {"Industry", "行业"}, false,
       {"manufacturing", "technology", "other"}},
      {"revenue_gain", U::money, K::number, 0, kMoney,
       {"Revenue gained from the service innovation", "服务创新带来的收入"}},
      {"investment", U::money, K::number, 0, kMoney, {"Investment", "投入金额"}, true},
      {"benefit_3y", U::money, K::number, 0, kMoney,
       {"Benefit over 3 years (cost saved + extra revenue)", "三年收益（节省成本 + 新增收入）"}},
      {"idea_to_launch_months", U::months, K::number, 0, 1200,
       {"Idea to launch (months)", "从创意到上市（月）"}},
      {"idea_date", U::date, K::date, 0, 0, {"Idea approved on", "立项日期"}},
      {"launch_date", U::date, K::date, 0, 0, {"Launched on", "上市日期"}},
      // Digital
      {"processes", U::groups, K::groups, 0, kCount, {"Steps of each core process", "各核心流程的步骤"},
       false, {}, {"steps_total", "steps_in_system"}},
      {"decisions_total", U::count, K::number, 0, kCount, {"Decisions made", "决策总数"}},
      {"decisions_with_data", U::count, K::number, 0, kCount,
       {"Decisions backed by data", "有数据支撑的决策数"}},
      {"months_to_target", U::months, K::number, 0, 1200,
       {"Months from go-live to target use", "从上线到达成目标用途（月）"}},
      // Organization and people
      {"roles", U::groups, K::groups, 0, kCount, {"Digital skill assessment by role", "各岗位数字技能考核"},
       false, {}, {"assessed", "passed"}},
      {"request_to_decision_days", U::days, K::number, 0, 36500,
       {"Request to decision (days)", "从请示到决策（天）"}},
      {"months_to_productive", U::months, K::number, 0, 1200,
       {"Months until a new hire is productive", "新员工独立上岗所需时间（月）"}},
      {"updates_per_month", U::per_month, K::number, 0, 1e6,
       {"Knowledge base updates per month", "知识库每月更新次数"}},
  };
}

}  // namespace

std::span<const InputSpec> input_catalog() {
  static const std::vector<InputSpec> inputs = make_inputs();
  return inputs;
}

const InputSpec* find_input(std::string_view name) {
  for (const InputSpec& input : input_catalog()) {
    if (input.name == name) return &input;
  }
  return nullptr;
}

}  // namespace servimetrics
