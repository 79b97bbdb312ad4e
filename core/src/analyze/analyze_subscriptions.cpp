// The subscriptions analysis, in two forms. Dated (start_date, end_date blank while active):
// churn, retention, revenue churn and net revenue retention per period, cohorts and lifetimes
// (rules in subscription_periods.cpp). Snapshot (tenure_months and churned, like the IBM Telco
// file): churn and revenue churn over the whole file, tenure, and tables by channel and tenure.
//
// Definitions:
//  - Dated: the catalog KPIs (churn_rate, retention_rate, revenue_churn_rate) are computed for
//    the last complete period (its last day on or before as_of) that has customers at its start;
//    note "kpi_period" names it. Averages over every complete period with customers (revenue) at
//    its start are measures. average_lifetime_months: mean of first start to last end (to as_of
//    while active), censored; expected_lifetime_months: 1 / monthly churn, the monthly churn
//    derived from the average churn per period (1 - (1 - c)^(1 / months per period)).
//    The KPIs get churn_period = the analysis period, so they state it and band the annual rate.
//  - Snapshot: a customer (all rows with the same customer_id) has churned when every row with a
//    churn flag says so; customers without any flag are left out of churn figures. Tenure is the
//    customer's largest tenure_months, recurring revenue the sum of their rows. churned_share =
//    churned / customers (no period); churn_rate gets customer_months_at_risk = the sum of
//    tenure, so it is churned per customer-month (subscription_exposure.cpp). Revenue shares are
//    measures, not the revenue_churn_rate KPI, since they hold no period.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "analyze/subscription_exposure.hpp"
#include "analyze/subscription_periods.hpp"
#include "analyze/subscription_snapshot.hpp"
#include "base/format.hpp"
#include "cells/calendar.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

constexpr double kDaysPerMonth = 365.25 / 12;

// part / whole, or null when the whole is zero.
json ratio_or_null(double part, double whole) {
  const double ratio = whole != 0 ? part / whole : 0;
  return whole != 0 && std::isfinite(ratio) ? json(ratio) : json();
}

struct Mean {
  double sum = 0;
  std::size_t count = 0;
  void add(double value) {
    sum += value;
    ++count;
  }
  [[nodiscard]] double value() const { return count > 0 ? sum / static_cast<double>(count) : 0; }
};

double months_per_period(Period period) {
  return period == Period::month ? 1 : period == Period::quarter ? 3 : 12;
}

void add_period_table(json& answer, const SubscriptionHistory& h, Period period) {
  json columns = {"period",         "complete",      "customers_start", "new_customers",
                  "customers_lost", "customers_end", "churn_rate",      "retention_rate"};
  if (h.has_revenue) {
    for (const char* name :
         {"recurring_revenue_start", "recurring_revenue_lost", "revenue_churn_rate",
          "net_revenue_retention", "recurring_revenue_end"}) {
      columns.push_back(name);
    }
  }
  json rows = json::array();
  for (std::size_t k = 0; k < h.periods.size(); ++k) {
    const SubscriptionPeriod& p = h.periods[k];
    json row = {period_key_from_index(h.first_period + static_cast<std::int64_t>(k), period),
                p.complete,
                p.customers_start,
                p.new_customers,
                p.customers_lost,
                p.customers_end,
                ratio_or_null(p.customers_lost, p.customers_start),
                ratio_or_null(p.customers_end - p.new_customers, p.customers_start)};
    if (h.has_revenue) {
      for (const json& value :
           {json(p.revenue_start), json(p.revenue_lost),
            ratio_or_null(p.revenue_lost, p.revenue_start),
            ratio_or_null(p.revenue_retained, p.revenue_start), json(p.revenue_end)}) {
        row.push_back(value);
      }
    }
    rows.push_back(std::move(row));
  }
  add_table(answer, "periods", std::move(columns), std::move(rows), h.periods.size());
}

void add_cohort_table(json& answer, const SubscriptionHistory& h, Period period) {
  json columns = {"cohort", "customers"};
  for (std::size_t offset = 0; offset < h.periods.size(); ++offset) {
    columns.push_back(std::to_string(offset));
  }
  json rows = json::array();
  for (std::size_t c = 0; c < h.cohorts.size(); ++c) {
    const SubscriptionCohort& cohort = h.cohorts[c];
    if (cohort.customers == 0) continue;
    json row = {period_key_from_index(h.first_period + static_cast<std::int64_t>(c), period),
                cohort.customers};
    for (std::size_t offset = 0; offset < h.periods.size(); ++offset) {
      row.push_back(offset < cohort.active.size()
                        ? ratio_or_null(cohort.active[offset], cohort.customers)
                        : json());
    }
    rows.push_back(std::move(row));
  }
  const std::size_t count = rows.size();
  add_table(answer, "cohorts", std::move(columns), std::move(rows), count);
}

// Counts, averages over the complete periods and lifetimes; answers the index of the last
// complete period with customers at its start, which the catalog KPIs are computed for.
std::optional<std::size_t> add_dated_measures(json& answer, const SubscriptionHistory& h,
                                              Period period) {
  const auto customers = static_cast<double>(h.customers);
  add_measure(answer, "customers", customers, "count");
  add_measure(answer, "subscriptions", static_cast<double>(h.rows_used), "count");
  add_measure(answer, "active_customers", h.active_customers, "count");
  add_measure(answer, "lost_customers", h.customers - h.active_customers, "count");
  if (h.has_revenue)
    add_measure(answer, "recurring_revenue_active", h.recurring_revenue_active, "money");

  Mean churn;
  Mean retention;
  Mean revenue_churn;
  Mean nrr;
  std::optional<std::size_t> kpi_index;  // the last complete period with customers at its start
  for (std::size_t k = 0; k < h.periods.size(); ++k) {
    const SubscriptionPeriod& p = h.periods[k];
    if (!p.complete || p.customers_start == 0) continue;
    const double start = p.customers_start;
    churn.add(p.customers_lost / start);
    retention.add((p.customers_end - p.new_customers) / start);
    if (p.revenue_start > 0) {
      revenue_churn.add(p.revenue_lost / p.revenue_start);
      nrr.add(p.revenue_retained / p.revenue_start);
    }
    kpi_index = k;
  }
  if (churn.count > 0) {
    add_measure(answer, "average_churn_rate", churn.value(), "fraction");
    add_measure(answer, "average_retention_rate", retention.value(), "fraction");
  }
  if (revenue_churn.count > 0) {
    add_measure(answer, "average_revenue_churn_rate", revenue_churn.value(), "fraction");
    add_measure(answer, "average_net_revenue_retention", nrr.value(), "fraction");
  }
  add_measure(answer, "average_lifetime_months", h.lifetime_days_sum / customers / kDaysPerMonth,
              "months");
  if (h.active_customers > 0) {
    add_note(answer, "lifetime_censored",
             "average_lifetime_months counts active customers up to the as-of date, so it "
             "understates how long customers stay.",
             {{"measure", "average_lifetime_months"}});
  }
  const double monthly_churn =
      churn.count > 0 ? 1 - std::pow(1 - churn.value(), 1 / months_per_period(period)) : 0;
  if (monthly_churn > 0) {
    add_measure(answer, "expected_lifetime_months", 1 / monthly_churn, "months");
  } else {
    add_note(answer, "no_churn_lifetime",
             "expected_lifetime_months (1 / monthly churn) needs a complete period with churn.");
  }

  return kpi_index;
}

std::string_view period_name(Period period) {
  return period == Period::month ? "month" : period == Period::quarter ? "quarter" : "year";
}

void add_dated_kpis(json& answer, const SubscriptionHistory& h, Period period,
                    std::optional<std::size_t> kpi_index) {
  json inputs = json::object();
  // One code per period, so the page words the period in its own language.
  const char* code = period == Period::month     ? "rates_per_month"
                     : period == Period::quarter ? "rates_per_quarter"
                                                 : "rates_per_year";
  add_note_as(answer, "rates_per_period", code,
              "Every churn and retention rate here (the KPIs, the averages and the periods table) "
              "is per " +
                  std::string(period_name(period)) +
                  "; the KPIs also give the annual equivalent, which their bands judge.",
              {{"period", period_name(period)}});
  if (!kpi_index) {
    add_note(answer, "no_complete_period",
             "churn_rate and retention_rate need a complete period with customers at its start.",
             {{"kpis", {"churn_rate", "retention_rate"}}});
  } else {
    const SubscriptionPeriod& p = h.periods[*kpi_index];
    const std::string key =
        period_key_from_index(h.first_period + static_cast<std::int64_t>(*kpi_index), period);
    add_note(answer, "kpi_period",
             "churn_rate, retention_rate and revenue_churn_rate are for " + key +
                 ", the last complete period with customers at its start.",
             {{"period", key}, {"kpis", {"churn_rate", "retention_rate", "revenue_churn_rate"}}});
    inputs["churn_period"] = period_name(period);
    inputs["customers_start"] = p.customers_start;
    inputs["customers_end"] = p.customers_end;
    inputs["new_customers"] = p.new_customers;
    inputs["customers_lost"] = p.customers_lost;
    if (p.revenue_start > 0) {
      inputs["recurring_revenue_start"] = p.revenue_start;
      inputs["recurring_revenue_lost"] = p.revenue_lost;
    }
  }
  add_catalog_kpis(answer, std::move(inputs));
}

void add_channel_activity_table(json& answer, const SubscriptionHistory& h) {
  json rows = json::array();
  for (const SubscriptionChannel& c : h.channels) {
    if (c.customers == 0) continue;
    rows.push_back({c.name, c.customers, c.active, c.customers - c.active,
                    ratio_or_null(c.customers - c.active, c.customers), c.recurring_revenue});
  }
  const std::size_t count = rows.size();
  if (rows.size() > table_row_limit()) {
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(table_row_limit()), rows.end());
  }
  add_table(answer, "channels",
            {"channel", "customers", "active_customers", "lost_customers", "lost_share",
             "recurring_revenue_active"},
            std::move(rows), count);
}

void add_dated_notes(json& answer, const SubscriptionHistory& h) {
  if (h.has_revenue) {
    add_note(answer, "nrr_expansion",
             "Each row has one recurring revenue, so net revenue retention shows expansion only "
             "when a customer's upgrade is a new row.");
  }
  if (h.short_lived_customers > 0) {
    add_note(answer, "short_lived",
             std::to_string(h.short_lived_customers) +
                 " customers started and ended within one period: they are in no period's "
                 "counts, only in their cohort's size.",
             {{"count", h.short_lived_customers}});
  }
  if (h.window_clipped) {
    add_note(answer, "window_clipped",
             "Only the last " + std::to_string(kMaxSubscriptionPeriods) +
                 " periods are replayed; earlier subscriptions count from the first of them "
                 "and their customers are in no cohort.",
             {{"periods", kMaxSubscriptionPeriods}});
  }
  if (h.rows_without_start + h.rows_after_as_of + h.rows_end_before_start > 0) {
    add_note_as(answer, "rows_skipped", "subscription_rows_skipped",
                std::to_string(h.rows_without_start) + " rows without a start date or customer, " +
                    std::to_string(h.rows_after_as_of) + " starting after the as-of date and " +
                    std::to_string(h.rows_end_before_start) +
                    " ending before they start are left out.",
                {{"without_start", h.rows_without_start},
                 {"after_as_of", h.rows_after_as_of},
                 {"end_before_start", h.rows_end_before_start}});
  }
}

void analyze_dated(json& answer, const ImportedTable& table, const AnalyzeOptions& options,
                   Period period) {
  const SubscriptionHistory h = subscription_history(table, period, options.as_of);
  if (h.customers == 0) {
    add_note_as(answer, "no_rows", "no_dated_subscriptions",
                "No subscription has a customer and a start date on or before the as-of date.");
    return;
  }
  add_note_as(answer, "as_of", "subscriptions_as_of",
              "Figures are as of " + format_date(h.as_of) + ".", {{"as_of", format_date(h.as_of)}});
  const std::optional<std::size_t> kpi_index = add_dated_measures(answer, h, period);
  add_dated_kpis(answer, h, period, kpi_index);
  add_period_table(answer, h, period);
  add_cohort_table(answer, h, period);
  if (h.has_channel) add_channel_activity_table(answer, h);
  add_dated_notes(answer, h);
}

json group_rows(const std::vector<SnapshotGroup>& groups, bool has_revenue, bool has_tenure) {
  json rows = json::array();
  for (const SnapshotGroup& g : groups) {
    if (g.customers == 0) continue;
    json row = {g.name, g.customers, g.churned, ratio_or_null(g.churned, g.customers)};
    if (has_revenue) {
      row.push_back(g.recurring_revenue);
      row.push_back(g.recurring_revenue_churned);
      row.push_back(ratio_or_null(g.recurring_revenue_churned, g.recurring_revenue));
    }
    if (has_tenure) row.push_back(ratio_or_null(g.tenure_sum, g.with_tenure));
    rows.push_back(std::move(row));
  }
  return rows;
}

json group_columns(const char* first, bool has_revenue, bool has_tenure) {
  json columns = {first, "customers", "churned", "churned_share"};
  if (has_revenue) {
    for (const char* name :
         {"recurring_revenue", "recurring_revenue_churned", "churned_revenue_share"}) {
      columns.push_back(name);
    }
  }
  if (has_tenure) columns.push_back("average_tenure_months");
  return columns;
}

void add_snapshot_notes(json& answer, const SubscriptionSnapshot& s) {
  if (s.customers_without_flag > 0) {
    add_note(answer, "churn_unknown",
             std::to_string(s.customers_without_flag) +
                 " customers have no churned flag on any row; they are left out.",
             {{"count", s.customers_without_flag}, {"field", "churned"}});
  }
  if (s.rows_without_customer > 0) {
    add_note_as(
        answer, "rows_skipped", "snapshot_rows_skipped",
        std::to_string(s.rows_without_customer) + " rows without a customer id are left out.",
        {{"count", s.rows_without_customer}});
  }
}

void add_snapshot_measures(json& answer, const SubscriptionSnapshot& s) {
  const SnapshotGroup& all = s.all;
  add_measure(answer, "customers", all.customers, "count");
  add_measure(answer, "churned_customers", all.churned, "count");
  add_measure(answer, "active_customers", all.customers - all.churned, "count");
  add_measure(answer, "churned_share", static_cast<double>(all.churned) / all.customers,
              "fraction");
  if (s.has_revenue) {
    add_measure(answer, "recurring_revenue", all.recurring_revenue, "money");
    add_measure(answer, "recurring_revenue_churned", all.recurring_revenue_churned, "money");
    if (all.recurring_revenue > 0) {
      add_measure(answer, "churned_revenue_share",
                  all.recurring_revenue_churned / all.recurring_revenue, "fraction");
    }
  }
  if (all.with_tenure > 0) {
    add_measure(answer, "average_tenure_months",
                all.tenure_sum / static_cast<double>(all.with_tenure), "months");
    add_note_as(answer, "lifetime_censored", "tenure_censored",
                "average_tenure_months counts active customers' tenure so far, so it understates "
                "how long customers stay; average_tenure_churned_months is over completed ones.");
  }
  if (s.churned_with_tenure > 0) {
    add_measure(answer, "average_tenure_churned_months",
                s.churned_tenure_sum / static_cast<double>(s.churned_with_tenure), "months");
  }
}

void add_snapshot_tables(json& answer, const SubscriptionSnapshot& s) {
  if (!s.channels.empty()) {
    json rows = group_rows(s.channels, s.has_revenue, s.has_tenure);
    const std::size_t count = rows.size();
    if (rows.size() > table_row_limit()) {
      rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(table_row_limit()), rows.end());
    }
    add_table(answer, "channels", group_columns("channel", s.has_revenue, s.has_tenure),
              std::move(rows), count);
  }
  if (!s.tenure_bands.empty()) {
    json rows = group_rows(s.tenure_bands, s.has_revenue, s.has_tenure);
    const std::size_t count = rows.size();
    add_table(answer, "tenure_bands", group_columns("tenure_months", s.has_revenue, s.has_tenure),
              std::move(rows), count);
  }
}

void analyze_snapshot(json& answer, const ImportedTable& table, const AnalyzeOptions& options) {
  const SubscriptionSnapshot s = subscription_snapshot(table);
  add_snapshot_notes(answer, s);
  if (s.all.customers == 0) {
    add_note_as(answer, "no_rows", "no_snapshot_rows",
                "No subscription row has a customer with a churned flag.");
    return;
  }
  add_snapshot_measures(answer, s);
  json inputs = {{"customers_start", s.all.customers}, {"customers_lost", s.all.churned}};
  if (const auto exposure = add_snapshot_exposure(answer, s, options)) {
    inputs["customer_months_at_risk"] = *exposure;
  } else {
    add_note(answer, "snapshot_no_period",
             "The file is a snapshot without a tenure for every customer: churn_rate is the share "
             "of all customers who have churned, over no particular period (customers_start = "
             "all customers, customers_lost = churned).");
  }
  add_catalog_kpis(answer, std::move(inputs));
  add_snapshot_tables(answer, s);
}

}  // namespace

json analyze_subscriptions_table(const ImportedTable& table, const AnalyzeOptions& options) {
  json answer = empty_kind_answer();
  Period period = Period::month;
  if (!period_from_name(options.period, period)) {
    add_note(answer, "period_unknown",
             "Period '" + options.period + "' is not month, quarter or year; months are used.",
             {{"period", options.period}});
  }
  if (table.column("start_date") != nullptr) {
    analyze_dated(answer, table, options, period);
  } else if (table.column("churned") != nullptr) {
    analyze_snapshot(answer, table, options);
  } else {
    add_note(answer, "form_unknown",
             "Subscriptions need start dates, or a churned flag (with tenure in months).",
             {{"one_of", {{"start_date"}, {"churned", "tenure_months"}}}});
  }
  return answer;
}

namespace {

// What each column of this kind's answer tables holds.
constexpr auto kColumnUnits = std::to_array<ColumnUnit>({
    {"active_customers", "count"},
    {"average_tenure_months", "months"},
    {"channel", "text"},
    {"churn_rate", "fraction"},
    {"churned", "count"},
    {"churned_revenue_share", "fraction"},
    {"churned_share", "fraction"},
    {"cohort", "text"},
    {"complete", "flag"},
    {"customers", "count"},
    {"customers_end", "count"},
    {"customers_lost", "count"},
    {"customers_start", "count"},
    {"lost_customers", "count"},
    {"lost_share", "fraction"},
    {"net_revenue_retention", "fraction"},
    {"new_customers", "count"},
    {"period", "text"},
    {"recurring_revenue", "money"},
    {"recurring_revenue_active", "money"},
    {"recurring_revenue_churned", "money"},
    {"recurring_revenue_end", "money"},
    {"recurring_revenue_lost", "money"},
    {"recurring_revenue_start", "money"},
    {"retention_rate", "fraction"},
    {"revenue_churn_rate", "fraction"},
    {"tenure_months", "text"},
});

}  // namespace

extern const KindAnalysis kSubscriptionsAnalysis = {"subscriptions", analyze_subscriptions_table,
                                                    kColumnUnits};

}  // namespace servimetrics
