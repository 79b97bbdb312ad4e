// Catalog group 5, organization and people (组织与人才): skills, decision speed, onboarding,
// knowledge base.
#include "kpi/kpi_compute.hpp"

namespace servimetrics {

std::vector<KpiSpec> organization_kpis() {
  using D = Direction;
  return {
      {"digital_skill_pass_rate",
       "organization",
       Unit::fraction,
       "skill pass rate",
       {"Digital skill pass rate", "数字技能考核通过率"},
       "passed / assessed, per role and overall",
       {"Share of staff who passed the digital skills assessment; every salesperson and 95% of "
        "customer service should pass.",
        "通过数字技能考核的员工占比；销售应全部通过，客服应达到 95%。"},
       {{"roles"}},
       std::nullopt,
       {{"sales", BandRule{D::higher, Threshold{1.0, false}, std::nullopt}},
        {"customer_service", BandRule{D::higher, Threshold{0.95, false}, std::nullopt}}},
       [](const KpiArgs& a) { return grouped_share(a, "roles", "passed", "assessed"); }},
      {"decision_lead_time_days",
       "organization",
       Unit::days,
       "decision lead time",
       {"Decision lead time", "决策周期"},
       "request_to_decision_days",
       {"Days from a request to a decision; slow decisions stall service improvements.",
        "从提出请示到做出决策的天数；决策慢会拖累服务改进。"},
       {{"request_to_decision_days"}},
       BandRule{D::lower, Threshold{1, false}, Threshold{3, false}},
       {},
       [](const KpiArgs& a) { return typed_value(a, "request_to_decision_days"); }},
      {"onboarding_months",
       "organization",
       Unit::months,
       "onboarding time",
       {"New hire onboarding time", "新员工上手周期"},
       "months_to_productive",
       {"Months until a new hire works on their own; over 2 months, improve training and the "
        "knowledge base.",
        "新员工独立上岗所需月数；超过 2 个月，应改进培训和知识库。"},
       {{"months_to_productive"}},
       BandRule{D::lower, Threshold{1, false}, Threshold{2, false}},
       {},
       [](const KpiArgs& a) { return typed_value(a, "months_to_productive"); }},
      {"knowledge_base_updates",
       "organization",
       Unit::per_month,
       "knowledge base updates",
       {"Knowledge base updates", "知识库更新频率"},
       "updates_per_month",
       {"How often the knowledge base is updated; at least monthly keeps answers current.",
        "知识库的更新次数；至少每月一次才能保证答案不过时。"},
       {{"updates_per_month"}},
       BandRule{D::higher, Threshold{1, false}, std::nullopt},
       {},
       [](const KpiArgs& a) { return typed_value(a, "updates_per_month"); }},
  };
}

}  // namespace servimetrics
