// Survival tables (customers still active after 0, 1, 2, ... periods, per cohort): each cohort's
// observed retention and its shifted-beta-geometric fit (Fader & Hardie 2007), projected as far
// again as observed (at least 12 periods), with the discounted expected lifetime and, given a
// value per period, the expected lifetime value per customer.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "analyze/survival_cohorts.hpp"
#include "models/sbg.hpp"
#include "servimetrics/json_text.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

constexpr double kDefaultDiscountRate = 0.10;  // per period, as Fader & Hardie (2010)
constexpr int kMinimumProjection = 12;         // periods projected beyond the data, at least
constexpr std::size_t kFewInCohort = 100;      // customers: below, the parameters are guesses
constexpr std::size_t kFewPeriods = 5;         // observed renewals: below, the projection is too

json cohort_or_null(const std::string& name) {
  return name.empty() ? json() : json(name);
}

// What the fit of one cohort gave, for its row of the fits table and the measures.
struct CohortFit {
  models::ModelFit fit;
  double lifetime = NAN;  // discounted expected lifetime of a new customer, in periods
};

json se_or_null(const models::ModelFit& fit, std::size_t i, bool shares) {
  if (shares || !fit.std_errors) return json();
  return finite_or_null((*fit.std_errors)[i]);
}

// The cohort's observed and fitted survival and retention, period by period, then projected.
void add_forecast_rows(json& rows, const SurvivalCohort& c, const models::ModelFit* fit,
                       double discount) {
  const int observed = c.rows.empty() ? 0 : static_cast<int>(c.rows.back().period);
  const int last = fit ? observed + std::max(observed, kMinimumProjection) : observed;
  std::vector<double> survival;
  models::Sbg m;
  if (fit) {
    m = {fit->params[0], fit->params[1]};
    survival = models::sbg_survival(m, last);
  }
  const double start = c.rows.empty() || c.rows.front().period != 0 ? NAN : c.rows.front().active;
  std::size_t r = 0;
  double previous = NAN;
  for (int t = 0; t <= last; ++t) {
    while (r < c.rows.size() && c.rows[r].period < t) ++r;
    const bool seen = r < c.rows.size() && c.rows[r].period == t;
    const double active = seen ? c.rows[r].active : NAN;
    json observed_retention = seen && t > 0 ? share_or_null(active, previous) : json();
    previous = active;
    if (!seen && !fit) continue;
    rows.push_back({cohort_or_null(c.name), t, seen ? share_or_null(active, start) : json(),
                    fit ? finite_or_null(survival[t]) : json(), std::move(observed_retention),
                    fit && t > 0 ? finite_or_null(models::sbg_retention(m, t)) : json(),
                    fit ? finite_or_null(models::sbg_derl(m, t + 1, discount)) : json(),
                    t > observed});
  }
}

json fit_row(const SurvivalCohort& c, const CohortFit& f, std::optional<double> value) {
  const models::ModelFit& fit = f.fit;
  return {cohort_or_null(c.name),
          c.shares ? json() : json(c.alive.front()),
          c.alive.size() - 1,
          finite_or_null(fit.params[0]),
          se_or_null(fit, 0, c.shares),
          finite_or_null(fit.params[1]),
          se_or_null(fit, 1, c.shares),
          c.shares ? json() : finite_or_null(fit.log_likelihood),
          fit.converged,
          finite_or_null(f.lifetime),
          value ? finite_or_null(*value * f.lifetime) : json()};
}

void add_set_aside_notes(json& answer, const SurvivalCohorts& s) {
  const std::array<std::pair<const SetAsideRows*, const char*>, 7> reasons = {{
      {&s.fractional_period, "rows have no whole period 0, 1, 2, ... and are left out"},
      {&s.repeated_period, "rows repeat a period of their cohort with the same count; one is used"},
      {&s.conflicting_period,
       "rows give a period of their cohort two different counts; the cohort is not fitted"},
      {&s.after_gap, "rows come after a missing period and are not in the fit"},
      {&s.rising, "rows have more customers than the period before and are not in the fit"},
      {&s.no_start, "cohorts have no period 0 with customers and are not fitted"},
      {&s.too_few, "cohorts have fewer than three periods or lose nobody and are not fitted"},
  }};
  const std::array<const char*, 7> codes = {
      "survival_fractional_period", "survival_repeated_period", "survival_conflicting_period",
      "survival_period_missing",    "survival_count_rises",     "survival_no_start",
      "survival_too_few_periods"};
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    const SetAsideRows& rows = *reasons[i].first;
    if (rows.count() == 0) continue;
    add_note(
        answer, codes[i],
        std::to_string(rows.count()) + " " + reasons[i].second + " (" + rows.lines_text() + ").",
        rows.params());
  }
}

void add_conflicts(json& answer, const SurvivalCohorts& s) {
  if (s.conflicts.empty()) return;
  json rows = json::array();
  for (std::size_t i = 0; i < s.conflicts.size(); ++i) {
    const SurvivalRow& r = s.conflicts[i];
    rows.push_back(
        {r.line, cohort_or_null(s.conflict_cohorts[i]), r.period, finite_or_null(r.active)});
  }
  const std::size_t total = rows.size();
  add_table(answer, "survival_conflicts", {"line", "cohort", "periods_since_start", "active_value"},
            std::move(rows), total);
}

// Measures of a file with one fitted cohort: its parameters and what they imply.
void add_single_cohort_measures(json& answer, const SurvivalCohort& c, const CohortFit& f,
                                std::optional<double> value) {
  const models::Sbg m{f.fit.params[0], f.fit.params[1]};
  add_measure(answer, "sbg_alpha", f.fit.params[0], "score");
  add_measure(answer, "sbg_beta", f.fit.params[1], "score");
  add_measure(answer, "sbg_next_retention",
              models::sbg_retention(m, static_cast<int>(c.alive.size())), "fraction");
  add_measure(answer, "discounted_lifetime", f.lifetime, "score");
  if (value) add_measure(answer, "expected_lifetime_value", *value * f.lifetime, "money");
}

struct FitOutcome {
  std::size_t fitted = 0, fewest_periods = SIZE_MAX;
  double customers = 0;
  bool shares = false;
  // The cohort whose fit feeds the inputs: the largest converged one (the first of equals).
  const SurvivalCohort* source = nullptr;
  std::optional<CohortFit> source_fit;
};

FitOutcome fit_cohorts(json& answer, const SurvivalCohorts& s, double discount,
                       std::optional<double> value) {
  json fits = json::array(), forecast = json::array();
  FitOutcome out;
  for (const SurvivalCohort& c : s.cohorts) {
    std::optional<CohortFit> f;
    if (!c.alive.empty()) {
      f = CohortFit{models::fit_sbg(c.alive)};
      if (!c.shares)
        models::warn_if_few(f->fit, static_cast<std::size_t>(c.alive.front()), kFewInCohort);
      for (const Error& w : f->fit.warnings) add_note(answer, w.code, w.message, w.params);
      f->lifetime = models::sbg_del({f->fit.params[0], f->fit.params[1]}, discount);
      fits.push_back(fit_row(c, *f, value));
      out.fewest_periods = std::min(out.fewest_periods, c.alive.size() - 1);
      out.customers += c.shares ? 0 : c.alive.front();
      out.shares = out.shares || c.shares;
      ++out.fitted;
      if (s.cohorts.size() == 1 && f->fit.converged)
        add_single_cohort_measures(answer, c, *f, value);
      if (f->fit.converged && (!out.source || c.alive.front() > out.source->alive.front())) {
        out.source = &c;
        out.source_fit = f;
      }
    }
    const bool usable = f && f->fit.converged;
    add_forecast_rows(forecast, c, usable ? &f->fit : nullptr, discount);
  }
  const std::size_t fit_rows = fits.size(), forecast_rows = forecast.size();
  add_table(answer, "survival_fits",
            {"cohort", "customers", "periods_observed", "alpha", "alpha_se", "beta", "beta_se",
             "log_likelihood", "converged", "discounted_lifetime", "expected_lifetime_value"},
            std::move(fits), fit_rows);
  add_table(answer, "survival_forecast",
            {"cohort", "periods_since_start", "observed_survival", "fitted_survival",
             "observed_retention", "fitted_retention", "derl", "projected"},
            std::move(forecast), forecast_rows);
  return out;
}

void add_fit_notes(json& answer, const FitOutcome& out, double discount,
                   std::optional<double> value) {
  if (out.shares)
    add_note(answer, "survival_shares",
             "Values with decimals are read as the share still active; the parameters need no "
             "cohort size, but their standard errors do, so they are not given.");
  if (out.fitted > 0 && out.fewest_periods < kFewPeriods)
    add_note(answer, "survival_few_periods",
             "A fit rests on " + std::to_string(out.fewest_periods) +
                 " periods only: the projection beyond them is a rough guess.",
             {{"periods", out.fewest_periods}, {"minimum", kFewPeriods}});
  if (out.fitted == 0) return;
  if (value)
    add_note(answer, "survival_lifetime_value",
             "The expected lifetime value is the value per period times the discounted expected "
             "lifetime, at " +
                 format_number(discount * 100) + "% a period.",
             {{"rate", discount}, {"value", *value}});
  else
    add_note(answer, "survival_lifetime_in_periods",
             "The discounted expected lifetime is in periods of value (discounted at " +
                 format_number(discount * 100) +
                 "% a period); give a value per period for the lifetime value.",
             {{"rate", discount}});
}

// The inputs the fit gives the workspace: the model's retention in the first period after the data,
// made annual (r^(periods a year), the period's length as the user says, a year if not said), and
// with a value per period the revenue per customer and year and the lifetime value (cltv).
json retention_inputs(json& answer, const FitOutcome& out, const AnalyzeOptions& options,
                      std::size_t cohorts) {
  json inputs = json::object();
  if (!out.source) return inputs;
  const std::string period = options.period_given ? options.period : "year";
  const double per_year = period == "week"      ? 52
                          : period == "month"   ? 12
                          : period == "quarter" ? 4
                                                : 1;
  const models::Sbg m{out.source_fit->fit.params[0], out.source_fit->fit.params[1]};
  const int next = static_cast<int>(out.source->alive.size());
  const double r = models::sbg_retention(m, next), annual = std::pow(r, per_year);
  if (!std::isfinite(annual)) return inputs;
  inputs["annual_retention_rate"] = annual;
  add_measure(answer, "annual_retention_rate", annual, "fraction");
  const json params = {{"period", period},           {"periods_per_year", per_year},
                       {"retention_period", next},   {"period_retention", r},
                       {"annual_retention", annual}, {"cohort", out.source->name}};
  if (cohorts > 1)
    add_note(answer, "survival_retention_input_cohort",
             "The annual retention rate is the largest cohort's (" + out.source->name +
                 ") model retention in period " + std::to_string(next) +
                 ", the first after the data, to the power of the periods in a year.",
             params);
  else
    add_note(answer, "survival_retention_input",
             "The annual retention rate is the model's retention in period " +
                 std::to_string(next) +
                 ", the first after the data, to the power of the periods in a year.",
             params);
  if (options.value_per_period) {
    inputs["annual_revenue_per_customer"] = *options.value_per_period * per_year;
    inputs["cltv"] = *options.value_per_period * out.source_fit->lifetime;
  }
  return inputs;
}

}  // namespace

json analyze_survival_table_file(const ImportedTable& table, const AnalyzeOptions& options) {
  json answer = empty_kind_answer();
  if (table.rows() == 0) return answer_without_rows(std::move(answer));
  const SurvivalCohorts s = read_survival_cohorts(table);
  const double discount = options.discount_rate.value_or(kDefaultDiscountRate);
  add_count(answer, "cohorts", s.cohorts.size());
  const FitOutcome out = fit_cohorts(answer, s, discount, options.value_per_period);
  if (out.customers > 0) add_count(answer, "customers", static_cast<std::uint64_t>(out.customers));
  add_set_aside_notes(answer, s);
  add_conflicts(answer, s);
  add_fit_notes(answer, out, discount, options.value_per_period);
  json inputs = retention_inputs(answer, out, options, s.cohorts.size());
  // Without a value a period the retention alone computes nothing here (retention_clv needs the
  // revenue too): it is passed on to the workspace, not reported missing its partner.
  add_catalog_kpis(answer, options.value_per_period ? inputs : json::object());
  answer["inputs"] = std::move(inputs);
  return answer;
}

namespace {

// What each column of this kind's answer tables holds.
constexpr auto kColumnUnits = std::to_array<ColumnUnit>({
    {"active_value", "score"},
    {"alpha", "score"},
    {"alpha_se", "score"},
    {"beta", "score"},
    {"beta_se", "score"},
    {"cohort", "text"},
    {"converged", "flag"},
    {"customers", "count"},
    {"derl", "score"},
    {"discounted_lifetime", "score"},
    {"expected_lifetime_value", "money"},
    {"fitted_retention", "fraction"},
    {"fitted_survival", "fraction"},
    {"line", "line"},
    {"log_likelihood", "score"},
    {"observed_retention", "fraction"},
    {"observed_survival", "fraction"},
    {"periods_observed", "count"},
    {"periods_since_start", "count"},
    {"projected", "flag"},
});

}  // namespace

extern const KindAnalysis kSurvivalTableAnalysis = {"survival_table", analyze_survival_table_file,
                                                    kColumnUnits};

}  // namespace servimetrics
