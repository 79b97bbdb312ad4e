// A churn or retention rate with its period and annual equivalent, the rate per customer-month of
// exposure, and the check that start - lost + new = end.
#include "kpi/churn_period.hpp"

#include <cmath>
#include <string>

#include "base/format.hpp"
#include "kpi/kpi_compute.hpp"

namespace servimetrics {
namespace {

std::string_view period_of(const KpiArgs& a) {
  const nlohmann::json& raw = a.raw("churn_period");
  return raw.is_string() ? std::string_view(raw.get_ref<const std::string&>()) : "year";
}

std::string_view annual_label(RateOf of) {
  switch (of) {
    case RateOf::churn:
      return "annual churn rate";
    case RateOf::retention:
      return "annual retention rate";
    case RateOf::revenue_churn:
      return "annual revenue churn";
  }
  return "annual rate";
}

std::string percent_text(double fraction) {
  return format_number(std::round(fraction * 1000) / 10) + "%";
}

}  // namespace

double months_in_period(std::string_view period) {
  return period == "month" ? 1 : period == "quarter" ? 3 : 12;
}

double annual_churn(double rate, double months) {
  // expm1/log1p keep small rates exact; a rate of 1 gives 1.
  return -std::expm1(12 / months * std::log1p(-rate));
}

double annual_retention(double rate, double months) {
  return std::pow(rate, 12 / months);
}

Result<KpiValue> with_period(Result<KpiValue> rate, const KpiArgs& a, RateOf of) {
  if (!rate.ok()) return rate;
  KpiValue& kpi = rate.value();
  // A rate per customer-month (exposure_churn) is monthly whatever churn_period says.
  const std::string_view period = kpi.details.contains("period") ? "month" : period_of(a);
  const double months = months_in_period(period);
  const double annual = of == RateOf::retention ? annual_retention(kpi.value, months)
                                                : annual_churn(kpi.value, months);
  kpi.details["period"] = period;
  kpi.details["annual_rate"] = annual;
  if (months != 12) {
    kpi.band_value = annual;
    kpi.band_label = annual_label(of);
  }
  return rate;
}

Result<KpiValue> exposure_churn(const KpiArgs& a) {
  auto rate = share_of({"customers_lost", a.number("customers_lost")},
                       {"customer_months_at_risk", a.number("customer_months_at_risk")});
  if (!rate.ok()) return rate.error();
  auto share = input_share(a, "customers_lost", "customers_start");
  if (!share.ok()) return share;
  KpiValue kpi = std::move(share.value());
  kpi.details["customers_share"] = kpi.value;
  kpi.details["period"] = "month";
  kpi.value = rate.value();
  if (a.has("churn_period") && period_of(a) != "month") {
    kpi.warnings.push_back(
        Error{.input = "churn_period",
              .message = "customer_months_at_risk makes churn_rate a monthly rate; churn_period " +
                         std::string(period_of(a)) + " is not used",
              .code = "exposure_rate_is_monthly",
              .params = {{"input", "churn_period"}, {"period", period_of(a)}}});
  }
  return kpi;
}

std::optional<Error> customers_add_up_warning(const KpiArgs& a) {
  for (const char* name : {"customers_start", "customers_lost", "new_customers", "customers_end"}) {
    if (!a.has(name)) return std::nullopt;
  }
  const double start = a.number("customers_start");
  const double lost = a.number("customers_lost");
  const double added = a.number("new_customers");
  const double end = a.number("customers_end");
  const double expected = start - lost + added;
  if (std::fabs(expected - end) <= 1e-9 * std::fmax(1, std::fabs(end))) return std::nullopt;
  nlohmann::json params = {{"customers_start", start},
                           {"customers_lost", lost},
                           {"new_customers", added},
                           {"customers_end", end},
                           {"expected_end", expected}};
  std::string rates;
  if (start > 0) {
    params["churn_rate"] = lost / start;
    params["retention_rate"] = (end - added) / start;
    rates = ": churn rate " + percent_text(lost / start) + " and retention rate " +
            percent_text((end - added) / start) + " describe different customers";
  }
  return Error{.message = "customers_start (" + format_number(start) + ") - customers_lost (" +
                          format_number(lost) + ") + new_customers (" + format_number(added) +
                          ") = " + format_number(expected) + ", not customers_end (" +
                          format_number(end) + ")" + rates,
               .code = "customers_do_not_add_up",
               .params = std::move(params)};
}

}  // namespace servimetrics
