// A survival table's rows grouped per cohort and checked against what the sBG model needs: one
// count per period, starting at period 0, periods consecutive, counts never rising. A problem is
// set aside with its lines, never resolved silently.
#include "analyze/survival_cohorts.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace servimetrics {
namespace {

bool whole(double v) {
  return std::abs(v - std::round(v)) < 1e-9;
}

// Rows with the same period: kept once when they agree; all shown, and the cohort not fitted,
// when they disagree.
void merge_repeats(SurvivalCohort& c, SurvivalCohorts& out) {
  std::vector<SurvivalRow> kept;
  for (std::size_t i = 0; i < c.rows.size();) {
    std::size_t j = i + 1;
    bool differ = false;
    while (j < c.rows.size() && c.rows[j].period == c.rows[i].period) {
      differ = differ || c.rows[j].active != c.rows[i].active;
      ++j;
    }
    if (differ) {
      c.conflicting = true;
      for (std::size_t k = i; k < j; ++k) {
        out.conflicting_period.add(c.rows[k].line);
        out.conflicts.push_back(c.rows[k]);
        out.conflict_cohorts.push_back(c.name);
      }
    } else {
      for (std::size_t k = i + 1; k < j; ++k) out.repeated_period.add(c.rows[k].line);
    }
    kept.push_back(c.rows[i]);
    i = j;
  }
  c.rows = std::move(kept);
}

// The run the model fits: period 0, 1, 2, ... while the periods follow on and counts do not rise.
void fit_run(SurvivalCohort& c, SurvivalCohorts& out) {
  if (c.conflicting) return;
  if (c.rows.empty() || c.rows.front().period != 0 || c.rows.front().active <= 0) {
    out.no_start.add(c.rows.empty() ? c.first_line : c.rows.front().line);
    return;
  }
  std::size_t end = 1;
  for (; end < c.rows.size(); ++end) {
    if (c.rows[end].period != c.rows[end - 1].period + 1) {
      for (std::size_t k = end; k < c.rows.size(); ++k) out.after_gap.add(c.rows[k].line);
      break;
    }
    if (c.rows[end].active > c.rows[end - 1].active) {
      for (std::size_t k = end; k < c.rows.size(); ++k) out.rising.add(c.rows[k].line);
      break;
    }
  }
  for (std::size_t k = 0; k < end; ++k) c.alive.push_back(c.rows[k].active);
  if (c.alive.size() < 3 || c.alive.back() >= c.alive.front()) {
    out.too_few.add(c.rows.front().line);
    c.alive.clear();
  }
}

}  // namespace

SurvivalCohorts read_survival_cohorts(const ImportedTable& table) {
  SurvivalCohorts out;
  const ImportedColumn* period = find_column(table, "period", FieldType::number);
  const ImportedColumn* active = find_column(table, "active", FieldType::number);
  const ImportedColumn* cohort = find_column(table, "cohort", FieldType::text);
  if (period == nullptr || active == nullptr) return out;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < table.rows(); ++i) {
    const std::string name(text_of_cell(cohort, i));
    auto [it, fresh] = index.emplace(name, out.cohorts.size());
    if (fresh) out.cohorts.push_back(SurvivalCohort{name, {}, {}, false, false, table.lines[i]});
    const double p = period->numbers[i];
    const double a = active->numbers[i];
    if (!std::isfinite(p) || !std::isfinite(a) || !whole(p) || p < 0) {
      out.fractional_period.add(table.lines[i]);
      continue;
    }
    SurvivalCohort& c = out.cohorts[it->second];
    c.rows.push_back({std::round(p), a, table.lines[i]});
    c.shares = c.shares || !whole(a);
  }
  for (SurvivalCohort& c : out.cohorts) {
    std::stable_sort(c.rows.begin(), c.rows.end(), [](const SurvivalRow& a, const SurvivalRow& b) {
      return a.period < b.period;
    });
    merge_repeats(c, out);
    fit_run(c, out);
  }
  return out;
}

}  // namespace servimetrics
