// Catalog group 4, digital (数字化): process digitization, data-driven decisions, tech adoption.
#include "kpi/kpi_compute.hpp"

namespace servimetrics {

std::vector<KpiSpec> digital_kpis() {
  using D = Direction;
  return {
      {.id = "process_digitization_rate",
       .group = "digital",
       .unit = Unit::fraction,
       .symbol = "steps in system",
       .name = {.en = "Process digitization rate", .zh = "流程数字化率"},
       .formula = "steps_in_system / steps_total, per process and overall (weighted by steps)",
       .explanation = {.en = "Share of the steps of core processes done in a system rather than on "
                             "paper or in chat; order processing should be fully in the system.",
                       .zh = "核心流程中在系统内完成（而非纸面或聊天工具）的步骤占比；订单处理应全"
                             "部在系统内完成。"},
       .inputs = {{.name = "processes"}},
       .band_variants = {{"order_processing",
                          BandRule{D::higher, Threshold{1.0, false}, std::nullopt}},
                         {"customer_follow_up",
                          BandRule{D::higher, Threshold{0.9, false}, std::nullopt}}},
       .compute =
           [](const KpiArgs& a) {
             return grouped_share(a, "processes", "steps_in_system", "steps_total");
           }},
      {.id = "data_driven_decision_ratio",
       .group = "digital",
       .unit = Unit::fraction,
       .symbol = "data-driven decisions",
       .name = {.en = "Data-driven decision ratio", .zh = "数据驱动决策占比"},
       .formula = "decisions_with_data / decisions_total",
       .explanation = {.en = "Share of decisions backed by data; companies above 70% succeed at "
                             "transformation about 40% more often.",
                       .zh = "有数据支撑的决策占比；超过 70% 的企业转型成功率高出约 40%。"},
       .inputs = {{.name = "decisions_total"}, {.name = "decisions_with_data"}},
       .bands = BandRule{D::higher, Threshold{0.7, true}, Threshold{0.5, false}},
       .compute =
           [](const KpiArgs& a) {
             return input_share(a, "decisions_with_data", "decisions_total");
           }},
      {.id = "tech_adoption_months",
       .group = "digital",
       .unit = Unit::months,
       .symbol = "tech adoption",
       .name = {.en = "Technology adoption time", .zh = "新技术落地周期"},
       .formula = "months_to_target",
       .explanation =
           {.en = "Months from go-live until a tool does what it was bought for; each month sooner "
                  "captures about 10% more of the opportunity.",
            .zh = "从上线到工具真正发挥预期作用的月数；每提前一个月，约多抓住 10% 的市场机会。"},
       .inputs = {{.name = "months_to_target"}},
       .bands = BandRule{D::lower, Threshold{1, false}, Threshold{3, false}},
       .compute = [](const KpiArgs& a) { return typed_value(a, "months_to_target"); }},
  };
}

}  // namespace servimetrics
