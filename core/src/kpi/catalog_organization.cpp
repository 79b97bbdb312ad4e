// Catalog group 5, organization and people (组织与人才): skills, decision speed, onboarding,
// knowledge base.
#include "kpi/kpi_compute.hpp"

namespace servimetrics {

std::vector<KpiSpec> organization_kpis() {
  using D = Direction;
  return {
      {.id = "digital_skill_pass_rate",
       .group = "organization",
       .unit = Unit::fraction,
       .symbol = "skill pass rate",
       .name = {.en = "Digital skill pass rate", .zh = "数字技能考核通过率"},
       .formula = "passed / assessed, per role and overall",
       .explanation = {.en = "Share of staff who passed the digital skills assessment; every "
                             "salesperson and 95% of customer service should pass.",
                       .zh = "通过数字技能考核的员工占比；销售应全部通过，客服应达到 95%。"},
       .inputs = {{.name = "roles"}},
       .band_variants = {{"sales", BandRule{D::higher, Threshold{1.0, false}, std::nullopt}},
                         {"customer_service",
                          BandRule{D::higher, Threshold{0.95, false}, std::nullopt}}},
       .compute = [](const KpiArgs& a) { return grouped_share(a, "roles", "passed", "assessed"); }},
      {.id = "decision_lead_time_days",
       .group = "organization",
       .unit = Unit::days,
       .symbol = "decision lead time",
       .name = {.en = "Decision lead time", .zh = "决策周期"},
       .formula = "request_to_decision_days",
       .explanation =
           {.en = "Days from a request to a decision; slow decisions stall service improvements.",
            .zh = "从提出请示到做出决策的天数；决策慢会拖累服务改进。"},
       .inputs = {{.name = "request_to_decision_days"}},
       .bands = BandRule{D::lower, Threshold{1, false}, Threshold{3, false}},
       .compute = [](const KpiArgs& a) { return typed_value(a, "request_to_decision_days"); }},
      {.id = "onboarding_months",
       .group = "organization",
       .unit = Unit::months,
       .symbol = "onboarding time",
       .name = {.en = "New hire onboarding time", .zh = "新员工上手周期"},
       .formula = "months_to_productive",
       .explanation = {.en = "Months until a new hire works on their own; over 2 months, improve "
                             "training and the knowledge base.",
                       .zh = "新员工独立上岗所需月数；超过 2 个月，应改进培训和知识库。"},
       .inputs = {{.name = "months_to_productive"}},
       .bands = BandRule{D::lower, Threshold{1, false}, Threshold{2, false}},
       .compute = [](const KpiArgs& a) { return typed_value(a, "months_to_productive"); }},
      {.id = "knowledge_base_updates",
       .group = "organization",
       .unit = Unit::per_month,
       .symbol = "knowledge base updates",
       .name = {.en = "Knowledge base updates", .zh = "知识库更新频率"},
       .formula = "updates_per_month",
       .explanation =
           {.en =
                "How often the knowledge base is updated; at least monthly keeps answers current.",
            .zh = "知识库的更新次数；至少每月一次才能保证答案不过时。"},
       .inputs = {{.name = "updates_per_month"}},
       .bands = BandRule{D::higher, Threshold{1, false}, std::nullopt},
       .compute = [](const KpiArgs& a) { return typed_value(a, "updates_per_month"); }},
  };
}

}  // namespace servimetrics
