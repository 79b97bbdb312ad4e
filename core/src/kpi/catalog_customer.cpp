// Catalog group 1, customer (客户): lifetime value, LTV:CAC, retention, churn, NPS, CSAT.
#include "base/channel_names.hpp"
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

}  // namespace

std::vector<KpiSpec> customer_kpis() {
  using D = Direction;
  return {
      {"clv",
       "customer",
       Unit::money,
       "CLV",
       {"Customer lifetime value (CLV)", "客户生命周期价值（CLV）"},
       "avg_purchase_value * purchases_per_year * lifespan_years",
       {"What one customer spends with you over the whole relationship; it caps what winning a "
        "customer may cost.",
        "一位客户在整个合作期内的总消费；它决定了获取一位客户最多值得花多少钱。"},
       {{"avg_purchase_value"}, {"purchases_per_year"}, {"lifespan_years"}},
       std::nullopt,
       {},
       [](const KpiArgs& a) {
         return as_kpi(clv(a.number("avg_purchase_value"), a.number("purchases_per_year"),
                           a.number("lifespan_years")));
       }},
      {"cltv",
       "customer",
       Unit::money,
       "CLTV",
       {"Customer lifetime value from annual revenue (CLTV)", "客户终身价值（CLTV）"},
       "annual_revenue_per_customer * gross_margin * relationship_years; with a discount rate d: "
       "annual * margin * (1 - (1 + d)^-years) / d",
       {"The margin a customer brings over the relationship, in today's money when discounted; "
        "compare it with CAC.",
        "客户在合作期内带来的毛利（有折现率时折算为现值）；应与获客成本对比。"},
       {{"annual_revenue_per_customer"},
        {"relationship_years"},
        {"gross_margin", true, 1.0},
        {"discount_rate", true, 0.0}},
       std::nullopt,
       {},
       [](const KpiArgs& a) {
         return as_kpi(cltv(a.number("annual_revenue_per_customer"), a.number("relationship_years"),
                            a.number("gross_margin"), a.number("discount_rate")));
       }},
      {"ltv_cac_ratio",
       "customer",
       Unit::ratio,
       "LTV:CAC",
       {"LTV to CAC ratio", "客户终身价值与获客成本之比（LTV:CAC）"},
       "cltv / cac (per channel: channel cltv / channel cac)",
       {"How many times a customer pays back what winning them cost; below 2, growth burns cash — "
        "cut CAC or raise retention and margin.",
        "客户价值是获客成本的几倍；低于 2 说明增长在烧钱，应降低获客成本或提升留存与毛利。"},
       {{"cltv", false, std::nullopt, "cltv"},
        {"cac", false, std::nullopt, "cac"},
        {"channels", true, std::nullopt, {}, true},
        {"channel_cltv", true}},
       BandRule{D::higher, Threshold{3, false}, Threshold{2, false}},
       {},
       compute_ltv_cac},
      {"retention_rate",
       "customer",
       Unit::fraction,
       "retention rate",
       {"Customer retention rate (CRR)", "客户留存率（CRR）"},
       "(customers_end - new_customers) / customers_start",
       {"Share of the customers you started with who are still with you; every point kept is "
        "revenue you need not win again.",
        "期初客户中仍然留下的比例；每多留住一个百分点，就少一份需要重新争取的收入。"},
       {{"customers_start"}, {"customers_end"}, {"new_customers"}},
       std::nullopt,
       {},
       [](const KpiArgs& a) {
         return as_kpi(retention_rate(a.number("customers_start"), a.number("customers_end"),
                                      a.number("new_customers")));
       }},
      {"churn_rate",
       "customer",
       Unit::fraction,
       "churn rate",
       {"Customer churn rate", "客户流失率"},
       "customers_lost / customers_start",
       {"Share of customers who left in the period; above 15%, find out why they leave before "
        "spending more on acquisition.",
        "本期流失客户的比例；超过 15% 时，应先查明流失原因，再加大获客投入。"},
       {{"customers_start"}, {"customers_lost"}},
       BandRule{D::lower, Threshold{0.15, false}, std::nullopt},
       {},
       [](const KpiArgs& a) { return input_share(a, "customers_lost", "customers_start"); }},
      {"revenue_churn_rate",
       "customer",
       Unit::fraction,
       "revenue churn",
       {"Revenue churn rate", "收入流失率"},
       "recurring_revenue_lost / recurring_revenue_start",
       {"Share of recurring revenue lost in the period; it shows whether the customers who leave "
        "are the valuable ones.",
        "本期流失的经常性收入占比；它说明流失的是否是高价值客户。"},
       {{"recurring_revenue_start"}, {"recurring_revenue_lost"}},
       BandRule{D::lower, Threshold{0.15, false}, std::nullopt},
       {},
       [](const KpiArgs& a) {
         return input_share(a, "recurring_revenue_lost", "recurring_revenue_start");
       }},
      {"nps",
       "customer",
       Unit::points,
       "NPS",
       {"Net Promoter Score (NPS)", "净推荐值（NPS）"},
       "100 * (promoters - detractors) / (promoters + passives + detractors); 95% interval by "
       "adjusted Wald (n + 3, promoters and detractors + 3/4)",
       {"How many more customers would recommend you than warn others off; the interval shows how "
        "sure the score is.",
        "愿意推荐你的客户比会劝阻他人的客户多多少；置信区间说明这个分数有多可靠。"},
       {{"promoters"}, {"passives"}, {"detractors"}},
       std::nullopt,
       {},
       [](const KpiArgs& a) -> Result<KpiValue> {
         auto score = nps(a.number("promoters"), a.number("passives"), a.number("detractors"));
         if (!score.ok()) return score.error();
         KpiValue kpi;
         kpi.value = score.value().score;
         kpi.details = {
             {"interval",
              {{"low", score.value().low}, {"high", score.value().high}, {"level", 0.95}}},
             {"promoter_share", score.value().promoter_share},
             {"detractor_share", score.value().detractor_share},
             {"respondents", score.value().respondents}};
         return kpi;
       }},
      {"csat",
       "customer",
       Unit::score,
       "CSAT",
       {"Customer satisfaction (CSAT)", "客户满意度（CSAT）"},
       "mean score on 1-5 = sum(score * count) / sum(count); top-2-box = (count4 + count5) / "
       "sum(count)",
       {"Average satisfaction on a 1-5 scale; customers scoring under 4 should get a follow-up "
        "call "
        "within 24 hours.",
        "1-5 分制的平均满意度；评分低于 4 分的客户应在 24 小时内回访。"},
       {{"csat_score_counts", true}, {"csat_average", true}},
       BandRule{D::higher, Threshold{4, false}, std::nullopt},
       {},
       [](const KpiArgs& a) -> Result<KpiValue> {
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
         return kpi;
       }},
  };
}

}  // namespace servimetrics
