// Catalog group 1, customer (客户): lifetime value, LTV:CAC, retention, churn, NPS, CSAT.
#include <cmath>

#include "base/channel_names.hpp"
#include "base/format.hpp"
#include "kpi/churn_period.hpp"
#include "kpi/kpi_compute.hpp"

namespace servimetrics {
namespace {

// Per channel when both the channels' spend and their customers' CLTV are given (a spend file and
// a transactions file). A channel in only one of them, or one whose CAC is zero, has no ratio;
// combine_analyses() names those.
Result<KpiValue> compute_ltv_cac(const KpiArgs& a) {
  auto ratio = ltv_cac_ratio(a.number("cltv"), a.number("cac"));
  if (!ratio.ok()) return ratio.error();
  KpiValue kpi;
  kpi.value = ratio.value();
  if (!a.has("channels") || !a.has("channel_cltv")) return kpi;
  const nlohmann::json& values = a.raw("channel_cltv");
  for (const auto& [channel, row] : a.raw("channels").items()) {
    const std::string* match = matching_channel(values, channel);
    const double spend = row["spend"].get<double>();
    const double acquired = row["new_customers"].get<double>();
    if (match == nullptr || spend <= 0 || acquired <= 0) continue;
    kpi.breakdown.push_back({channel, values[*match]["cltv"].get<double>() / (spend / acquired)});
  }
  return kpi;
}

Result<KpiValue> compute_nps(const KpiArgs& a) {
  auto score = nps(a.number("promoters"), a.number("passives"), a.number("detractors"));
  if (!score.ok()) return score.error();
  const NpsScore& s = score.value();
  KpiValue kpi;
  kpi.value = s.score;
  kpi.details = {
      {"interval",
       {{"low", s.low}, {"high", s.high}, {"level", 0.95}, {"method", kNpsIntervalMethod}}},
      {"promoter_share", s.promoter_share},
      {"detractor_share", s.detractor_share},
      {"respondents", s.respondents}};
  add_small_sample_warning(kpi, s.respondents);
  return kpi;
}

// Whether a typed average and the counts' mean are the same number once the mean is rounded to
// the decimals the average was typed with (at least one: "4" is read as 4.0).
bool same_within_rounding(double typed, double mean) {
  int decimals = 1;
  for (double scale = 10; decimals < 6; ++decimals, scale *= 10) {
    if (std::abs(typed * scale - std::round(typed * scale)) < 1e-6) break;
  }
  return std::abs(typed - mean) <= 0.5 * std::pow(10.0, -decimals) + 1e-9;
}

// The counts' mean is the value; a typed average beside the counts that differs is shown, never
// silently dropped.
Result<KpiValue> compute_csat(const KpiArgs& a) {
  if (!a.has("csat_score_counts")) return typed_value(a, "csat_average");
  std::array<double, 5> counts{};
  const auto& raw = a.raw("csat_score_counts");
  for (std::size_t i = 0; i < counts.size(); ++i) counts[i] = raw[i].get<double>();
  auto score = csat_from_counts(counts);
  if (!score.ok()) return score.error();
  KpiValue kpi;
  kpi.value = score.value().average;
  kpi.details = {{"top2_share", score.value().top2_share},
                 {"respondents", score.value().respondents}};
  add_small_sample_warning(kpi, score.value().respondents);
  const double typed = a.number("csat_average");
  if (a.has("csat_average") && !same_within_rounding(typed, kpi.value)) {
    kpi.warnings.push_back(Error{.input = "csat_average",
                                 .message = "csat_average (" + format_number(typed) +
                                            ") differs from the mean of csat_score_counts (" +
                                            format_number(kpi.value) + " from " +
                                            format_number(score.value().respondents) +
                                            " responses); the counts' mean is used",
                                 .code = "csat_average_differs",
                                 .params = {{"input", "csat_average"},
                                            {"typed_average", typed},
                                            {"counts_average", kpi.value},
                                            {"respondents", score.value().respondents}}});
  }
  return kpi;
}

// A negative gross margin (a loss-making segment) is allowed and said.
Result<KpiValue> compute_cltv(const KpiArgs& a) {
  auto kpi = as_kpi(cltv(a.number("annual_revenue_per_customer"), a.number("relationship_years"),
                         a.number("gross_margin"), a.number("discount_rate")));
  if (a.number("gross_margin") < 0) {
    kpi.value().warnings.push_back(
        Error{.input = "gross_margin",
              .message = "gross_margin is negative (" + format_number(a.number("gross_margin")) +
                         "): each customer loses money, so the lifetime value is a loss",
              .code = "negative_gross_margin",
              .params = {{"input", "gross_margin"}, {"value", a.number("gross_margin")}}});
  }
  return kpi;
}

// margin x r / (1 + d - r): the margin of every later year a customer is kept, discounted; r = 1
// with no discount rate has no finite value, and without a gross margin it counts revenue.
Result<KpiValue> compute_retention_clv(const KpiArgs& a) {
  const double r = a.number("annual_retention_rate");
  const double d = a.has("discount_rate") ? a.number("discount_rate") : 0;
  const double margin = a.has("gross_margin") ? a.number("gross_margin") : 1;
  if (1 + d - r <= 0) {
    return Error{.input = "annual_retention_rate",
                 .message = "With every customer kept (annual retention " + format_number(r) +
                            ") and no discount rate the lifetime value has no end: give a "
                            "discount_rate, or judge by the revenue per customer and year",
                 .code = "clv_unbounded",
                 .params = {{"input", "annual_retention_rate"}, {"retention", r}}};
  }
  KpiValue kpi;
  const double annual_margin = a.number("annual_revenue_per_customer") * margin;
  kpi.value = annual_margin * r / (1 + d - r);
  kpi.details = {{"annual_margin", annual_margin}};
  if (r < 1) kpi.details["expected_lifetime_years"] = 1 / (1 - r);
  if (!a.has("gross_margin")) {
    kpi.warnings.push_back(Error{.kpi = "retention_clv",
                                 .input = "gross_margin",
                                 .message = "No gross margin was given: this lifetime value counts "
                                            "revenue, not margin",
                                 .code = "clv_revenue_based",
                                 .params = {{"input", "gross_margin"}}});
  }
  return kpi;
}

Result<KpiValue> compute_retention(const KpiArgs& a) {
  auto kpi =
      with_period(as_kpi(retention_rate(a.number("customers_start"), a.number("customers_end"),
                                        a.number("new_customers"))),
                  a, RateOf::retention);
  if (kpi.ok()) {
    add_small_sample_warning(kpi.value(), a.number("customers_start"));
    if (auto warning = customers_add_up_warning(a)) kpi.value().warnings.push_back(*warning);
  }
  return kpi;
}

Result<KpiValue> compute_churn(const KpiArgs& a) {
  auto kpi = with_period(a.has("customer_months_at_risk")
                             ? exposure_churn(a)
                             : input_share(a, "customers_lost", "customers_start"),
                         a, RateOf::churn);
  if (kpi.ok()) {
    if (auto warning = customers_add_up_warning(a)) kpi.value().warnings.push_back(*warning);
  }
  return kpi;
}

}  // namespace

std::vector<KpiSpec> customer_kpis() {
  using D = Direction;
  return {
      {.id = "clv",
       .group = "customer",
       .unit = Unit::money,
       .symbol = "CLV",
       .name = {.en = "Customer lifetime value (CLV)", .zh = "客户生命周期价值（CLV）"},
       .formula = "avg_purchase_value * purchases_per_year * lifespan_years",
       .explanation =
           {.en = "What one customer spends with you over the whole relationship; it caps what "
                  "winning a customer may cost.",
            .zh = "一位客户在整个合作期内的总消费；它决定了获取一位客户最多值得花多少钱。"},
       .inputs = {{.name = "avg_purchase_value"},
                  {.name = "purchases_per_year"},
                  {.name = "lifespan_years"}},
       .compute =
           [](const KpiArgs& a) {
             return as_kpi(clv(a.number("avg_purchase_value"), a.number("purchases_per_year"),
                               a.number("lifespan_years")));
           }},
      {.id = "cltv",
       .group = "customer",
       .unit = Unit::money,
       .symbol = "CLTV",
       .name = {.en = "Customer lifetime value from annual revenue (CLTV)",
                .zh = "客户终身价值（CLTV）"},
       .formula = "annual_revenue_per_customer * gross_margin * relationship_years; with a "
                  "discount rate d: annual * margin * (1 - (1 + d)^-years) / d",
       .explanation = {.en = "The margin a customer brings over the relationship, in today's money "
                             "when discounted; compare it with CAC.",
                       .zh =
                           "客户在合作期内带来的毛利（有折现率时折算为现值）；应与获客成本对比。"},
       .inputs = {{.name = "annual_revenue_per_customer"},
                  {.name = "relationship_years"},
                  {.name = "gross_margin", .optional = true, .default_value = 1.0},
                  {.name = "discount_rate", .optional = true, .default_value = 0.0}},
       .compute = compute_cltv},
      {.id = "retention_clv",
       .group = "customer",
       .unit = Unit::money,
       .symbol = "retention CLV",
       .name = {.en = "Lifetime value from retention (margin × r ÷ (1 + d − r))",
                .zh = "基于留存率的客户终身价值（毛利 × r ÷ (1 + d − r)）"},
       .formula = "annual_revenue_per_customer * gross_margin * r / (1 + discount_rate - r), r = "
                  "annual_retention_rate: the discounted margin of each later year a customer is "
                  "kept (the current year's margin is not included)",
       .explanation = {.en = "What a customer is worth from next year on, given how many customers "
                             "you keep each year; without a gross margin it counts revenue.",
                       .zh = "按每年留住的客户比例，计算一位客户从明年起的价值；未提供毛利率时按收"
                             "入计算。"},
       .inputs = {{.name = "annual_revenue_per_customer"},
                  {.name = "annual_retention_rate"},
                  {.name = "gross_margin", .optional = true},
                  {.name = "discount_rate", .optional = true}},
       .compute = compute_retention_clv},
      {.id = "ltv_cac_ratio",
       .group = "customer",
       .unit = Unit::ratio,
       .symbol = "LTV:CAC",
       .name = {.en = "LTV to CAC ratio", .zh = "客户终身价值与获客成本之比（LTV:CAC）"},
       .formula = "cltv / cac (per channel: channel cltv / channel cac)",
       .explanation = {.en = "How many times a customer pays back what winning them cost; below 2, "
                             "growth burns cash — cut CAC or raise retention and margin.",
                       .zh = "客户价值是获客成本的几倍；低于 2 "
                             "说明增长在烧钱，应降低获客成本或提升留存与毛利。"},
       .inputs = {{.name = "cltv", .derived_from = "cltv"},
                  {.name = "cac", .derived_from = "cac"},
                  {.name = "channels", .optional = true, .companion = true},
                  {.name = "channel_cltv", .optional = true}},
       .bands = BandRule{D::higher, Threshold{3, false}, Threshold{2, false}},
       .compute = compute_ltv_cac},
      {.id = "retention_rate",
       .group = "customer",
       .unit = Unit::fraction,
       .symbol = "retention rate",
       .name = {.en = "Customer retention rate (CRR)", .zh = "客户留存率（CRR）"},
       .formula = "(customers_end - new_customers) / customers_start per churn_period (a year "
                  "unless chosen); annual rate = rate^(12 / months in the period)",
       .explanation =
           {.en = "Share of the customers you started with who are still with you; every point "
                  "kept is revenue you need not win again.",
            .zh = "期初客户中仍然留下的比例；每多留住一个百分点，就少一份需要重新争取的收入。"},
       .inputs = {{.name = "customers_start"},
                  {.name = "customers_end"},
                  {.name = "new_customers"},
                  {.name = "churn_period", .optional = true},
                  {.name = "customers_lost", .optional = true, .companion = true}},
       .compute = compute_retention},
      {.id = "churn_rate",
       .group = "customer",
       .unit = Unit::fraction,
       .symbol = "churn rate",
       .name = {.en = "Customer churn rate", .zh = "客户流失率"},
       .formula = "customers_lost / customers_start per churn_period (a year unless chosen); "
                  "with customer_months_at_risk: customers_lost / customer_months_at_risk per "
                  "month. Banded on the annual rate 1 - (1 - rate)^(12 / months in the period)",
       .explanation = {.en =
                           "Share of customers who left in the period; above 15% a year, find out "
                           "why they leave before spending more on acquisition.",
                       .zh = "本期流失客户的比例；年化超过 15% "
                             "时，应先查明流失原因，再加大获客投入。"},
       .inputs = {{.name = "customers_start"},
                  {.name = "customers_lost"},
                  {.name = "churn_period", .optional = true},
                  {.name = "customer_months_at_risk", .optional = true},
                  {.name = "customers_end", .optional = true, .companion = true},
                  {.name = "new_customers", .optional = true, .companion = true}},
       .bands = BandRule{D::lower, Threshold{0.15, false}, std::nullopt},
       .compute = compute_churn},
      {.id = "revenue_churn_rate",
       .group = "customer",
       .unit = Unit::fraction,
       .symbol = "revenue churn",
       .name = {.en = "Revenue churn rate", .zh = "收入流失率"},
       .formula = "recurring_revenue_lost / recurring_revenue_start per churn_period (a year "
                  "unless chosen). Banded on the annual rate 1 - (1 - rate)^(12 / months)",
       .explanation = {.en = "Share of recurring revenue lost in the period; it shows whether the "
                             "customers who leave are the valuable ones.",
                       .zh = "本期流失的经常性收入占比；它说明流失的是否是高价值客户。"},
       .inputs = {{.name = "recurring_revenue_start"},
                  {.name = "recurring_revenue_lost"},
                  {.name = "churn_period", .optional = true}},
       .bands = BandRule{D::lower, Threshold{0.15, false}, std::nullopt},
       .compute =
           [](const KpiArgs& a) {
             return with_period(input_share(a, "recurring_revenue_lost", "recurring_revenue_start"),
                                a, RateOf::revenue_churn);
           }},
      {.id = "nps",
       .group = "customer",
       .unit = Unit::points,
       .symbol = "NPS",
       .name = {.en = "Net Promoter Score (NPS)", .zh = "净推荐值（NPS）"},
       .formula = "100 * (promoters - detractors) / (promoters + passives + detractors); 95% "
                  "interval by MOVER (Newcombe's square-and-add) on the Wilson score intervals of "
                  "the promoter share p and detractor share d, correlated -sqrt(p d / ((1 - p) (1 "
                  "- d))); it always contains the score",
       .explanation =
           {.en = "How many more customers would recommend you than warn others off; the interval "
                  "shows how sure the score is.",
            .zh = "愿意推荐你的客户比会劝阻他人的客户多多少；置信区间说明这个分数有多可靠。"},
       .inputs = {{.name = "promoters"}, {.name = "passives"}, {.name = "detractors"}},
       .compute = compute_nps},
      {.id = "csat",
       .group = "customer",
       .unit = Unit::score,
       .symbol = "CSAT",
       .name = {.en = "Customer satisfaction (CSAT)", .zh = "客户满意度（CSAT）"},
       .formula = "mean score on 1-5 = sum(score * count) / sum(count); top-2-box = (count4 + "
                  "count5) / sum(count); a typed csat_average is used only without counts, and "
                  "named in a warning when it differs from the counts' mean",
       .explanation = {.en = "Average satisfaction on a 1-5 scale; customers scoring under 4 "
                             "should get a follow-up call within 24 hours.",
                       .zh = "1-5 分制的平均满意度；评分低于 4 分的客户应在 24 小时内回访。"},
       .inputs = {{.name = "csat_score_counts", .optional = true},
                  {.name = "csat_average", .optional = true}},
       .bands = BandRule{D::higher, Threshold{4, false}, std::nullopt},
       .compute = compute_csat},
  };
}

}  // namespace servimetrics
