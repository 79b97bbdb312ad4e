// The transactions analysis: customers, orders and net revenue, CLV and CLTV through the catalog,
// value segments, and revenue by category, channel and period.
//
// Netting rules: see transaction_lines.cpp (amount or quantity x unit_price; negative lines and
// cancellations net against revenue; orders are distinct invoices of purchase lines, or
// customer-days without invoice ids).
// Definitions:
//  - years_observed = (last date - first date + 1 day) / 365.25, over all rows.
//  - average_order_value = net revenue / orders; purchase_frequency = orders / customers /
//    years_observed; repeat_purchase_rate = customers with 2+ orders / customers.
//  - lifespan_years (for clv and cltv) = the mean observed customer lifespan (first to last
//    purchase + 1 day, customers with a purchase), but at least 1 year: observed lifespans are cut
//    by the data window, and below a year they would make CLV smaller than a customer's value
//    over the window the frequency was measured on. A note says when the floor applies.
//  - clv inputs: avg_purchase_value = average_order_value, purchases_per_year =
//    purchase_frequency, lifespan_years. cltv (only with options.gross_margin):
//    annual_revenue_per_customer = net revenue / customers / years_observed, relationship_years =
//    lifespan_years, discount_rate from options (catalog default 0 otherwise).
//  - Per customer (table "customers"): revenue = historic value (net revenue to date); clv =
//    that customer's revenue per observed year x lifespan_years, so the column's mean is the
//    catalog clv.
//  - Segments by net revenue, ties in customer-code order: top = the first ceil(20%) customers,
//    middle = up to ceil(50%), bottom = the rest; a customer with zero or negative net revenue is
//    always in bottom.
//  - Categories: service_revenue = basic_service + value_added_service; total_revenue = the net
//    revenue of lines with a category (lines without one are reported apart in a note).
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "analyze/transaction_lines.hpp"
#include "base/format.hpp"
#include "cells/calendar.hpp"
#include "kpi/metrics.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxTableRows = 1000;
constexpr double kDaysPerYear = 365.25;

// part / whole, or null when the whole is zero.
json ratio_or_null(double part, double whole) {
  const double ratio = whole != 0 ? part / whole : 0;
  return whole != 0 && std::isfinite(ratio) ? json(ratio) : json();
}

double span_years(Timestamp first, Timestamp last) {
  return static_cast<double>(day_of(last) - day_of(first) + 1) / kDaysPerYear;
}

void add_customer_tables(json& answer, const ImportedTable& table, const TransactionTotals& t,
                         double years_observed, double lifespan_years) {
  const ImportedColumn* customer = table.column("customer_id");
  std::vector<std::uint32_t> ranked;
  ranked.reserve(t.customers);
  for (std::uint32_t code = 0; code < t.by_customer.size(); ++code) {
    if (t.by_customer[code].seen) ranked.push_back(code);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) {
    return t.by_customer[a].revenue > t.by_customer[b].revenue;
  });

  json rows = json::array();
  for (std::size_t i = 0; i < ranked.size() && i < kMaxTableRows; ++i) {
    const CustomerTotals& c = t.by_customer[ranked[i]];
    rows.push_back({std::string(customer->dictionary.text(ranked[i])), c.orders, c.revenue,
                    format_date(c.first), format_date(c.last), day_of(c.last) - day_of(c.first) + 1,
                    c.revenue / years_observed * lifespan_years});
  }
  add_table(answer, "customers",
            {"customer_id", "orders", "revenue", "first_date", "last_date", "lifespan_days", "clv"},
            std::move(rows), ranked.size());

  const std::size_t n = ranked.size();
  std::size_t positive = 0;
  while (positive < n && t.by_customer[ranked[positive]].revenue > 0) ++positive;
  const std::size_t top_end = std::min((n * 2 + 9) / 10, positive);
  const std::size_t middle_end = std::min((n + 1) / 2, positive);
  const std::size_t bounds[4] = {0, top_end, std::max(top_end, middle_end), n};
  const char* const names[3] = {"top_20", "middle_30", "bottom_50"};
  json segments = json::array();
  for (std::size_t s = 0; s < 3; ++s) {
    double revenue = 0;
    for (std::size_t i = bounds[s]; i < bounds[s + 1]; ++i)
      revenue += t.by_customer[ranked[i]].revenue;
    const auto customers = static_cast<double>(bounds[s + 1] - bounds[s]);
    segments.push_back({names[s], bounds[s + 1] - bounds[s], revenue,
                        ratio_or_null(revenue, t.net_revenue), ratio_or_null(revenue, customers)});
  }
  add_table(answer, "segments",
            {"segment", "customers", "revenue", "revenue_share", "average_revenue"},
            std::move(segments), 3);
}

void add_category_table(json& answer, const TransactionTotals& t, json& inputs) {
  if (!t.has_category) {
    add_note(answer, "category_needed",
             "Revenue by category, service_revenue_share and value_added_service_share need a "
             "category column (product, basic service or value-added service).",
             {{"field", "category"}});
    return;
  }
  const double categorized = t.by_category[0] + t.by_category[1] + t.by_category[2];
  const char* const names[4] = {"product", "basic_service", "value_added_service", "(blank)"};
  json rows = json::array();
  for (std::size_t i = 0; i < 4; ++i) {
    if (i == 3 && t.by_category[3] == 0) continue;
    rows.push_back({names[i], t.by_category[i],
                    i < 3 ? ratio_or_null(t.by_category[i], categorized) : json()});
  }
  const std::size_t count = rows.size();
  add_table(answer, "categories", {"category", "revenue", "share"}, std::move(rows), count);
  if (t.by_category[3] != 0) {
    add_note(answer, "uncategorized_revenue",
             "Lines without a category (net " + format_number(t.by_category[3]) +
                 ") are left out of total_revenue for the revenue shares.",
             {{"revenue", t.by_category[3]}, {"input", "total_revenue"}});
  }
  inputs["service_revenue"] = t.by_category[1] + t.by_category[2];
  inputs["value_added_service_revenue"] = t.by_category[2];
  inputs["total_revenue"] = categorized;
}

// Per acquisition channel: the annual revenue of its customers and, with a gross margin, their
// CLTV by the catalog's formula. Answers those CLTVs, the input channel_cltv, which LTV:CAC per
// channel reads together with a spend file's channels (combine_analyses).
json add_channel_table(json& answer, const TransactionTotals& t, double years_observed,
                       double relationship_years, const AnalyzeOptions& options,
                       const json& inputs) {
  if (t.by_channel.empty()) return json::object();
  json rows = json::array();
  json channel_cltv = json::object();
  for (const ChannelTotals& c : t.by_channel) {
    if (c.name == "(blank)" && c.customers == 0 && c.orders == 0 && c.revenue == 0) continue;
    const json annual = c.customers > 0 ? ratio_or_null(c.customer_revenue / years_observed,
                                                        static_cast<double>(c.customers))
                                        : json();
    json value;
    // Like the overall cltv: only with a margin, and not for the customers of no known channel.
    if (inputs.contains("gross_margin") && annual.is_number() && annual.get<double>() >= 0 &&
        c.name != "(blank)") {
      const double lifetime = cltv(annual.get<double>(), relationship_years, *options.gross_margin,
                                   options.discount_rate.value_or(0));
      if (std::isfinite(lifetime)) {
        value = lifetime;
        channel_cltv[c.name] = {{"cltv", lifetime}};
      }
    }
    rows.push_back({c.name, c.customers, c.orders, c.revenue, c.customer_revenue,
                    ratio_or_null(c.customer_revenue, static_cast<double>(c.customers)), annual,
                    value});
  }
  const std::size_t total = rows.size();
  if (rows.size() > kMaxTableRows) rows.erase(rows.begin() + kMaxTableRows, rows.end());
  add_table(answer, "channels",
            {"channel", "customers", "orders", "revenue", "customer_revenue",
             "average_customer_revenue", "annual_revenue_per_customer", "cltv"},
            std::move(rows), total);
  return channel_cltv;
}

void add_period_table(json& answer, const TransactionTotals& t, Period period) {
  json rows = json::array();
  for (std::size_t p = 0; p < t.by_period.size() && p < kMaxTableRows; ++p) {
    const PeriodTotals& in = t.by_period[p];
    rows.push_back({period_key_from_index(t.first_period + static_cast<std::int64_t>(p), period),
                    in.revenue, in.returns, in.orders, in.new_customers});
  }
  add_table(answer, "periods", {"period", "revenue", "returns", "orders", "new_customers"},
            std::move(rows), t.by_period.size());
}

// What the customers' purchases span: buyers, repeat buyers and the mean observed lifespan.
struct Lifespans {
  std::size_t buyers = 0;
  std::size_t repeat_buyers = 0;
  double observed = 0;  // mean years from first to last purchase, over the buyers
  double years = 1;     // lifespan_years: the observed one, at least 1
};

Lifespans lifespans(const TransactionTotals& t) {
  Lifespans out;
  double sum = 0;
  for (const CustomerTotals& c : t.by_customer) {
    if (!c.purchased) continue;
    ++out.buyers;
    out.repeat_buyers += c.orders >= 2 ? 1 : 0;
    sum += span_years(c.first, c.last);
  }
  out.observed = out.buyers > 0 ? sum / static_cast<double>(out.buyers) : 0;
  out.years = std::max(out.observed, 1.0);
  return out;
}

void add_transaction_measures(json& answer, const TransactionTotals& t, const Lifespans& life,
                              double years_observed) {
  const auto customers = static_cast<double>(t.customers);
  const auto orders = static_cast<double>(t.orders);
  const std::size_t repeat_buyers = life.repeat_buyers;
  const std::size_t buyers = life.buyers;
  const double observed_lifespan = life.observed;
  add_measure(answer, "customers", customers, "count");
  add_measure(answer, "orders", orders, "count");
  add_measure(answer, "lines", static_cast<double>(t.rows - t.rows_skipped), "count");
  add_measure(answer, "revenue", t.net_revenue, "money");
  add_measure(answer, "gross_revenue", t.gross_revenue, "money");
  add_measure(answer, "returns_amount", t.returns, "money");
  if (t.orders > 0) add_measure(answer, "average_order_value", t.net_revenue / orders, "money");
  add_measure(answer, "purchase_frequency", orders / customers / years_observed, "per_year");
  add_measure(answer, "repeat_purchase_rate", static_cast<double>(repeat_buyers) / customers,
              "fraction");
  add_measure(answer, "average_revenue_per_customer", t.net_revenue / customers, "money");
  add_measure(answer, "years_observed", years_observed, "years");
  if (buyers > 0) add_measure(answer, "observed_lifespan_years", observed_lifespan, "years");
}

// The inputs of clv and cltv, or why they are not computed, with the notes on how they are read.
void add_clv_inputs(json& answer, json& inputs, const TransactionTotals& t, const Lifespans& life,
                    double years_observed, const AnalyzeOptions& options) {
  const auto customers = static_cast<double>(t.customers);
  const auto orders = static_cast<double>(t.orders);
  const double observed_lifespan = life.observed;
  const double lifespan_years = life.years;
  if (t.orders == 0 || t.net_revenue < 0) {
    if (t.orders == 0) {
      add_note_as(answer, "clv_not_computed", "clv_needs_purchase",
                  "clv and cltv need at least one purchase (a line that is not cancelled, with a "
                  "positive value).");
    } else {
      add_note_as(answer, "clv_not_computed", "clv_negative_revenue",
                  "clv and cltv are not computed: net revenue is negative (returns and "
                  "cancellations exceed purchases).",
                  {{"revenue", t.net_revenue}});
    }
  } else {
    inputs["avg_purchase_value"] = t.net_revenue / orders;
    inputs["purchases_per_year"] = orders / customers / years_observed;
    inputs["lifespan_years"] = lifespan_years;
    if (observed_lifespan < 1) {
      add_note(answer, "lifespan_floor",
               "The average observed customer lifespan (" + format_number(observed_lifespan) +
                   " years, cut by the " + format_number(years_observed) +
                   "-year data window) is under a year, so lifespan_years is 1: clv is a "
                   "12-month value. Enter your own lifespan_years for a longer horizon.",
               {{"observed_lifespan_years", observed_lifespan},
                {"years_observed", years_observed},
                {"input", "lifespan_years"}});
    }
    if (years_observed < 0.25) {
      const std::int64_t days = day_of(t.last_date) - day_of(t.first_date) + 1;
      add_note(answer, "short_window",
               "The data spans only " + std::to_string(days) +
                   " days; purchase_frequency and clv extrapolate it to a whole year.",
               {{"days", days}});
    }
    if (options.gross_margin) {
      inputs["annual_revenue_per_customer"] = t.net_revenue / customers / years_observed;
      inputs["relationship_years"] = lifespan_years;
      inputs["gross_margin"] = *options.gross_margin;
      if (options.discount_rate) inputs["discount_rate"] = *options.discount_rate;
    } else {
      add_note(answer, "cltv_needs_margin",
               "cltv needs your gross margin (a fraction 0..1); clv counts revenue, not margin.",
               {{"input", "gross_margin"}});
    }
  }
}

// How lines were netted and counted, and which were left out.
void add_line_notes(json& answer, const ImportedTable& table, const TransactionTotals& t) {
  if (t.return_lines > 0) {
    add_note(answer, "returns_netted",
             std::to_string(t.return_lines) + " return or cancellation lines (" +
                 format_number(t.returns) + ") are netted against revenue.",
             {{"count", t.return_lines}, {"amount", t.returns}});
  }
  if (t.cancelled_negated > 0) {
    add_note(answer, "cancellations_negated",
             std::to_string(t.cancelled_negated) +
                 " cancelled lines had a positive amount; each is counted as its negative.",
             {{"count", t.cancelled_negated}});
  }
  if (t.orders_by_day_lines > 0) {
    if (table.column("invoice_id") == nullptr) {
      add_note_as(answer, "orders_by_day", "orders_by_day_no_invoice_column",
                  "Without an invoice column, each customer's purchases on one day are one order.",
                  {{"field", "invoice_id"}});
    } else {
      add_note(answer, "orders_by_day",
               std::to_string(t.orders_by_day_lines) +
                   " purchase lines without an invoice id count one order per customer and day.",
               {{"count", t.orders_by_day_lines}, {"field", "invoice_id"}});
    }
  }
  if (t.shared_invoice_lines > 0) {
    add_note(answer, "shared_invoices",
             std::to_string(t.shared_invoice_lines) +
                 " purchase lines carry an invoice id already used by another customer; each "
                 "order is credited to the customer of its first line.",
             {{"count", t.shared_invoice_lines}});
  }
  if (t.lines_without_value > 0) {
    add_note(answer, "lines_without_value",
             std::to_string(t.lines_without_value) +
                 " lines have neither an amount nor a quantity and unit price; they count in no "
                 "revenue or order.",
             {{"count", t.lines_without_value}});
  }
  if (t.rows_skipped > 0) {
    add_note_as(
        answer, "rows_skipped", "transaction_rows_skipped",
        std::to_string(t.rows_skipped) + " rows without a customer id or a date are left out.",
        {{"count", t.rows_skipped}});
  }
}

}  // namespace

json analyze_transactions_table(const ImportedTable& table, const AnalyzeOptions& options) {
  json answer = empty_kind_answer();
  Period period = Period::month;
  if (!period_from_name(options.period, period)) {
    add_note(answer, "period_unknown",
             "Period '" + options.period + "' is not month, quarter or year; months are used.",
             {{"period", options.period}});
  }
  const TransactionTotals t = total_transactions(table, period);
  if (t.customers == 0) {
    add_note_as(answer, "no_rows", "no_transaction_rows",
                "The table has no transaction rows with a customer and a date.");
    return answer;
  }
  const double years_observed = span_years(t.first_date, t.last_date);
  const Lifespans life = lifespans(t);
  add_transaction_measures(answer, t, life, years_observed);

  json inputs = json::object();
  add_clv_inputs(answer, inputs, t, life, years_observed, options);
  add_category_table(answer, t, inputs);
  json channel_cltv = add_channel_table(answer, t, years_observed, life.years, options, inputs);
  add_catalog_kpis(answer, std::move(inputs));
  // Reported, not computed here: alone it would only make LTV:CAC say that CAC is missing.
  if (!channel_cltv.empty()) answer["inputs"]["channel_cltv"] = std::move(channel_cltv);

  add_customer_tables(answer, table, t, years_observed, life.years);
  add_period_table(answer, t, period);
  add_line_notes(answer, table, t);
  return answer;
}

namespace {

// What each column of this kind's answer tables holds.
constexpr auto kColumnUnits = std::to_array<ColumnUnit>({
    {"annual_revenue_per_customer", "money"},
    {"average_customer_revenue", "money"},
    {"average_revenue", "money"},
    {"category", "text"},
    {"channel", "text"},
    {"cltv", "money"},
    {"clv", "money"},
    {"customer_id", "text"},
    {"customer_revenue", "money"},
    {"customers", "count"},
    {"first_date", "date"},
    {"last_date", "date"},
    {"lifespan_days", "days"},
    {"new_customers", "count"},
    {"orders", "count"},
    {"period", "text"},
    {"returns", "money"},
    {"revenue", "money"},
    {"revenue_share", "fraction"},
    {"segment", "text"},
    {"share", "fraction"},
});

}  // namespace

extern const KindAnalysis kTransactionsAnalysis = {"transactions", analyze_transactions_table,
                                                   kColumnUnits};

}  // namespace servimetrics
