// Catalog group 4, digital (数字化): process digitization, data-driven decisions, tech adoption.
#include "kpi/kpi_compute.hpp"

namespace servimetrics {

std::vector<KpiSpec> digital_kpis() {
  using D = Direction;
  return {
      {"process_digitization_rate",
       "digital",
       Unit::fraction,
       "steps in system",
       {"Process digitization rate", "流程数字化率"},
       "steps_in_system / steps_total, per process and overall (weighted by steps)",
       {"Share of the steps of core processes done in a system rather than on paper or in chat; "
        "order processing should be fully in the system.",
        "核心流程中在系统内完成（而非纸面或聊天工具）的步骤占比；订单处理应全部在系统内完成。"},
       {{"processes"}},
       std::nullopt,
       {{"order_processing", BandRule{D::higher, Threshold{1.0, false}, std::nullopt}},
        {"customer_follow_up", BandRule{D::higher, Threshold{0.9, false}, std::nullopt}}},
       [](const KpiArgs& a) {
         return grouped_share(a, "processes", "steps_in_system", "steps_total");
       }},
      {"data_driven_decision_ratio",
       "digital",
       Unit::fraction,
       "data-driven decisions",
       {"Data-driven decision ratio", "数据驱动决策占比"},
       "decisions_with_data / decisions_total",
       {"Share of decisions backed by data; companies above 70% succeed at transformation about "
        "40% more often.",
        "有数据支撑的决策占比；超过 70% 的企业转型成功率高出约 40%。"},
       {{"decisions_total"}, {"decisions_with_data"}},
       BandRule{D::higher, Threshold{0.7, true}, Threshold{0.5, false}},
       {},
       [](const KpiArgs& a) { return input_share(a, "decisions_with_data", "decisions_total"); }},
      {"tech_adoption_months",
       "digital",
       Unit::months,
       "tech adoption",
       {"Technology adoption time", "新技术落地周期"},
       "months_to_target",
       {"Months from go-live until a tool does what it was bought for; each month sooner captures "
        "about 10% more of the opportunity.",
        "从上线到工具真正发挥预期作用的月数；每提前一个月，约多抓住 10% 的市场机会。"},
       {{"months_to_target"}},
       BandRule{D::lower, Threshold{1, false}, Threshold{3, false}},
       {},
       [](const KpiArgs& a) { return typed_value(a, "months_to_target"); }},
  };
}

}  // namespace servimetrics
