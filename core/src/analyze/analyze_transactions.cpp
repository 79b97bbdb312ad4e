// The transactions analysis: customers, orders and net revenue, CLV and CLTV through the catalog,
// value segments, and revenue by category, channel and period.
//
// Netting rules: see transaction_lines.cpp (amount or quantity x unit_price; negative lines and
// cancellations net against revenue; orders are distinct invoices of purchase lines, or
// customer-days without invoice ids).
// Definitions (docs/DATA-KINDS.md; the customer base, frequency and retention in
// customer_base.hpp):
//  - observed_span_years = (last date - first date + 1 day) / 365.25, over all rows.
//  - average_order_value = the buyers' net revenue / orders (net of returns);
//    gross_average_order_value = gross revenue / orders; revenue_per_customer_year = the buyers'
//    net revenue / buyers / observed_span_years: what is observed, not a lifetime.
//  - expected_lifetime_years = 1 / (1 - r), r the annual retention. clv inputs:
//    avg_purchase_value = average_order_value, purchases_per_year = purchase_frequency (repeat
//    purchases per year of exposure), lifespan_years = the expected lifetime. retention_clv:
//    annual_revenue_per_customer = revenue_per_customer_year, annual_retention_rate = r, gross
//    margin and discount rate when given. cltv (only with a gross margin): the same annual revenue,
//    relationship_years = the expected lifetime. No r, or r = 1: no clv or cltv, with a note.
//  - Per customer (table "customers"): revenue = net revenue to date; revenue_per_year = that
//    over observed_span_years (what was observed, not a forecast).
//  - Segments by net revenue, ties in customer-code order: top = the first ceil(20%) customers,
//    middle = up to ceil(50%), bottom = the rest; a customer with zero or negative net revenue is
//    always in bottom.
//  - Categories: service_revenue = basic_service + value_added_service; total_revenue = the net
//    revenue of lines with a category (lines without one are reported apart in a note).
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>

#include "analyze/customer_base.hpp"
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
                         double span) {
  const ImportedColumn* customer = table.column("customer_id");
  std::vector<std::uint32_t> ranked;
  ranked.reserve(t.customers);
  for (std::uint32_t code = 0; code < t.by_customer.size(); ++code) {
    if (t.by_customer[code].seen()) ranked.push_back(code);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) {
    return t.by_customer[a].revenue > t.by_customer[b].revenue;
  });

  json rows = json::array();
  for (std::size_t i = 0; i < ranked.size() && i < table_row_limit(); ++i) {
    const CustomerTotals& c = t.by_customer[ranked[i]];
    rows.push_back({std::string(customer->dictionary.text(ranked[i])), c.orders, c.revenue,
                    format_date(c.first), format_date(c.last), day_of(c.last) - day_of(c.first) + 1,
                    c.revenue / span});
  }
  add_table(answer, "customers",
            {"customer_id", "orders", "revenue", "first_date", "last_date", "lifespan_days",
             "revenue_per_year"},
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
                       std::optional<double> relationship_years, const AnalyzeOptions& options,
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
    if (inputs.contains("gross_margin") && relationship_years && annual.is_number() &&
        annual.get<double>() >= 0 && c.name != "(blank)") {
      const double lifetime = cltv(annual.get<double>(), *relationship_years, *options.gross_margin,
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
  if (rows.size() > table_row_limit()) {
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(table_row_limit()), rows.end());
  }
  add_table(answer, "channels",
            {"channel", "customers", "orders", "revenue", "customer_revenue",
             "average_customer_revenue", "annual_revenue_per_customer", "cltv"},
            std::move(rows), total);
  return channel_cltv;
}

void add_period_table(json& answer, const TransactionTotals& t, Period period) {
  json rows = json::array();
  for (std::size_t p = 0; p < t.by_period.size() && p < table_row_limit(); ++p) {
    const PeriodTotals& in = t.by_period[p];
    rows.push_back({period_key_from_index(t.first_period + static_cast<std::int64_t>(p), period),
                    in.revenue, in.returns, in.orders, in.new_customers});
  }
  add_table(answer, "periods", {"period", "revenue", "returns", "orders", "new_customers"},
            std::move(rows), t.by_period.size());
}

// The mean observed customer lifespan: first to last purchase + 1 day, over the buyers.
double observed_lifespan(const TransactionTotals& t) {
  double sum = 0;
  std::size_t buyers = 0;
  for (std::size_t who = 0; who < t.by_customer.size(); ++who) {
    if ((t.customer_flags[who] & customer_flag::purchased) == 0) continue;
    ++buyers;
    sum += span_years(t.by_customer[who].first, t.by_customer[who].last);
  }
  return buyers > 0 ? sum / static_cast<double>(buyers) : 0;
}

void add_count_measures(json& answer, const TransactionTotals& t, const CustomerBase& base) {
  add_count(answer, "customers", t.customers);
  add_count(answer, "buying_customers", base.buyers);
  if (base.new_buyers_last_year)
    add_count(answer, "new_buyers_last_year", *base.new_buyers_last_year);
  add_count(answer, "returns_only_customers", base.returns_only);
  add_count(answer, "negative_revenue_customers", base.negative_revenue);
  add_count(answer, "negative_revenue_buyers", base.negative_buyers);
  add_count(answer, "orders", t.orders);
  add_count(answer, "lines", t.rows - t.rows_skipped);
  add_count(answer, "zero_value_lines", t.zero_value_lines);
  add_count(answer, "zero_value_orders", t.zero_value_orders);
}

void add_transaction_measures(json& answer, const TransactionTotals& t, const CustomerBase& base,
                              double span) {
  add_count_measures(answer, t, base);
  const auto orders = static_cast<double>(t.orders);
  const auto buyers = static_cast<double>(base.buyers);
  add_measure(answer, "revenue", t.net_revenue, "money");
  add_measure(answer, "gross_revenue", t.gross_revenue, "money");
  add_measure(answer, "returns_amount", t.returns, "money");
  if (t.orders > 0) {
    add_measure(answer, "average_order_value", base.buyer_revenue / orders, "money");
    add_measure(answer, "gross_average_order_value", t.gross_revenue / orders, "money");
  }
  if (base.exposure_years > 0) {
    add_measure(answer, "purchase_frequency", base.repeat_purchases / base.exposure_years,
                "per_year");
  }
  if (base.buyers > 0) {
    add_measure(answer, "repeat_purchase_rate", static_cast<double>(base.repeat_buyers) / buyers,
                "fraction");
    add_measure(answer, "average_revenue_per_customer", base.buyer_revenue / buyers, "money");
    add_measure(answer, "revenue_per_customer_year", base.buyer_revenue / buyers / span, "money");
  }
  add_measure(answer, "observed_span_years", span, "years");
  if (base.buyers > 0)
    add_measure(answer, "observed_lifespan_years", observed_lifespan(t), "years");
  if (base.annual_retention) {
    add_measure(answer, "annual_retention_rate", *base.annual_retention, "fraction");
    add_measure(answer, "retention_window_days", static_cast<double>(t.window_days), "days");
    add_measure(answer, "window_retention_rate", *base.window_retention, "fraction");
    if (*base.annual_retention < 1) {
      add_measure(answer, "expected_lifetime_years", 1 / (1 - *base.annual_retention), "years");
    }
  }
}

// How the annual retention was measured, or why it was not.
void add_retention_note(json& answer, const TransactionTotals& t, const CustomerBase& base) {
  if (!base.annual_retention) {
    add_note(answer, "retention_not_measured",
             "Year-on-year retention needs buyers in two windows of at least " +
                 std::to_string(kMinRetentionWindowDays) +
                 " days before the end of the data; this file has none, so clv, cltv and "
                 "retention_clv are not computed. Enter your own annual_retention_rate.",
             {{"days", kMinRetentionWindowDays}, {"input", "annual_retention_rate"}});
    return;
  }
  const json params = {
      {"window_days", t.window_days},        {"buyers", base.window_buyers},
      {"retained", base.retained},           {"window_retention", *base.window_retention},
      {"retention", *base.annual_retention}, {"as_of", format_date(t.as_of)}};
  if (t.window_days == 365) {
    add_note_as(answer, "retention_windows", "retention_from_windows",
                "Annual retention " + format_number(*base.annual_retention) + ": of the " +
                    std::to_string(base.window_buyers) +
                    " customers who bought in the 365 days before the last year up to " +
                    format_date(t.as_of) + ", " + std::to_string(base.retained) +
                    " bought again in that last year.",
                params);
  } else {
    add_note_as(answer, "retention_windows", "retention_from_short_windows",
                "The file spans less than two years, so retention is measured over two windows "
                "of " +
                    std::to_string(t.window_days) + " days up to " + format_date(t.as_of) +
                    ": of " + std::to_string(base.window_buyers) + " buyers in the earlier one, " +
                    std::to_string(base.retained) + " bought again in the later one (" +
                    format_number(*base.window_retention) + "), " +
                    format_number(*base.annual_retention) + " a year (window retention^(365/" +
                    std::to_string(t.window_days) +
                    ")). A buyer who skips a window counts as lost.",
                params);
  }
}

// The expected lifetime 1 / (1 - r), or none (with a note) when no customer was lost.
std::optional<double> expected_lifetime(json& answer, const CustomerBase& base) {
  if (!base.annual_retention) return std::nullopt;
  if (*base.annual_retention >= 1) {
    add_note(answer, "lifetime_unbounded",
             "No buyer of the earlier window was lost: the expected lifetime 1 / (1 - r) has no "
             "end, so clv and cltv are not computed.",
             {{"buyers", base.window_buyers}, {"input", "lifespan_years"}});
    return std::nullopt;
  }
  return 1 / (1 - *base.annual_retention);
}

// The inputs of clv, cltv and retention_clv, or why they are not computed.
std::optional<double> add_clv_inputs(json& answer, json& inputs, const TransactionTotals& t,
                                     const CustomerBase& base, double span,
                                     const AnalyzeOptions& options) {
  if (t.orders == 0) {
    add_note_as(answer, "clv_not_computed", "clv_needs_purchase",
                "clv and cltv need at least one purchase (a line that is not cancelled, with a "
                "positive value).");
    return std::nullopt;
  }
  if (base.buyer_revenue < 0) {
    add_note_as(answer, "clv_not_computed", "clv_negative_revenue",
                "clv and cltv are not computed: net revenue is negative (returns and "
                "cancellations exceed purchases).",
                {{"revenue", base.buyer_revenue}});
    return std::nullopt;
  }
  add_retention_note(answer, t, base);
  if (span < 0.25) {
    const std::int64_t days = day_of(t.last_date) - day_of(t.first_date) + 1;
    add_note(answer, "short_window",
             "The data spans only " + std::to_string(days) +
                 " days; purchase_frequency and the revenue per customer and year extrapolate it "
                 "to a whole year.",
             {{"days", days}});
  }
  if (!options.gross_margin) {
    add_note(answer, "cltv_needs_margin",
             "cltv needs your gross margin (a fraction 0..1); clv and retention_clv count "
             "revenue, not margin.",
             {{"input", "gross_margin"}});
  }
  if (!base.annual_retention) return std::nullopt;
  const auto buyers = static_cast<double>(base.buyers);
  inputs["annual_revenue_per_customer"] = base.buyer_revenue / buyers / span;
  inputs["annual_retention_rate"] = *base.annual_retention;
  if (options.gross_margin) inputs["gross_margin"] = *options.gross_margin;
  if (options.discount_rate) inputs["discount_rate"] = *options.discount_rate;
  const std::optional<double> lifetime = expected_lifetime(answer, base);
  if (!lifetime || base.exposure_years <= 0) return lifetime;
  inputs["avg_purchase_value"] = base.buyer_revenue / static_cast<double>(t.orders);
  inputs["purchases_per_year"] = base.repeat_purchases / base.exposure_years;
  inputs["lifespan_years"] = *lifetime;
  if (options.gross_margin) inputs["relationship_years"] = *lifetime;
  return lifetime;
}

// What the counts and averages count: AOV net of returns, customers apart, zero-value lines.
void add_counting_notes(json& answer, const TransactionTotals& t, const CustomerBase& base) {
  if (t.orders > 0 && t.returns > 0) {
    const auto orders = static_cast<double>(t.orders);
    add_note(answer, "aov_net_of_returns",
             "average_order_value (" + format_number(base.buyer_revenue / orders) +
                 ") is the buyers' net revenue after returns and cancellations per order; before "
                 "them (gross_average_order_value) it is " +
                 format_number(t.gross_revenue / orders) + ".",
             {{"net", base.buyer_revenue / orders}, {"gross", t.gross_revenue / orders}});
  }
  if (base.buyers != t.customers || base.negative_revenue > 0) {
    const std::size_t other = t.customers - base.buyers - base.returns_only;
    add_note(answer, "customers_counted_apart",
             "Of " + std::to_string(t.customers) + " customers, " + std::to_string(base.buyers) +
                 " bought in the file and are the base of every per-customer figure; " +
                 std::to_string(base.returns_only) + " only returned goods (net " +
                 format_number(base.returns_only_amount) + ") and " + std::to_string(other) +
                 " have only zero-value lines or lines without a value: both are left out of it. " +
                 std::to_string(base.negative_revenue) +
                 " customers have a negative net revenue (returns of purchases made before the "
                 "data starts); " +
                 std::to_string(base.negative_buyers) + " of them bought too and stay in the base.",
             {{"customers", t.customers},
              {"buyers", base.buyers},
              {"returns_only", base.returns_only},
              {"amount", base.returns_only_amount},
              {"other", other},
              {"negative_revenue", base.negative_revenue},
              {"negative_buyers", base.negative_buyers}});
  }
  if (t.zero_value_lines > 0) {
    add_note(answer, "zero_value_lines",
             std::to_string(t.zero_value_lines) + " lines have a value of 0 (" +
                 std::to_string(t.zero_value_orders) +
                 " invoices hold nothing else); they count in no revenue, order or return.",
             {{"count", t.zero_value_lines}, {"orders", t.zero_value_orders}});
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
  const TransactionTotals t = total_transactions(table, period, options.as_of);
  if (t.customers == 0) {
    add_note_as(answer, "no_rows", "no_transaction_rows",
                "The table has no transaction rows with a customer and a date.");
    return answer;
  }
  const double span = span_years(t.first_date, t.last_date);
  const CustomerBase base = customer_base(t);
  add_transaction_measures(answer, t, base, span);

  json inputs = json::object();
  const std::optional<double> lifetime = add_clv_inputs(answer, inputs, t, base, span, options);
  add_category_table(answer, t, inputs);
  json channel_cltv = add_channel_table(answer, t, span, lifetime, options, inputs);
  add_catalog_kpis(answer, std::move(inputs));
  // Reported, not computed here: alone it would only make LTV:CAC say that CAC is missing.
  if (!channel_cltv.empty()) answer["inputs"]["channel_cltv"] = std::move(channel_cltv);

  add_customer_tables(answer, table, t, span);
  add_period_table(answer, t, period);
  add_counting_notes(answer, t, base);
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
    {"revenue_per_year", "money"},
    {"revenue_share", "fraction"},
    {"segment", "text"},
    {"share", "fraction"},
});

}  // namespace

extern const KindAnalysis kTransactionsAnalysis = {"transactions", analyze_transactions_table,
                                                   kColumnUnits};

}  // namespace servimetrics
