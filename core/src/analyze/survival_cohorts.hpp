// A survival table's rows as cohorts: each cohort's customers still active after 0, 1, 2, ...
// periods, up to the first gap or rise, and the rows that could not be used, with their lines.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/kind_answer.hpp"
#include "servimetrics/imported_table.hpp"

namespace servimetrics {

struct SurvivalRow {
  double period = 0;
  double active = 0;
  std::uint64_t line = 0;
};

struct SurvivalCohort {
  std::string name;               // "" when the file has no cohort column
  std::vector<SurvivalRow> rows;  // the cohort's usable rows, by period (0, 1, ... on)
  std::vector<double> alive;      // the run of periods 0..k the model can fit
  bool shares = false;            // values with decimals: % alive, not counts
  bool conflicting = false;       // a period with two different values: not fitted
  std::uint64_t first_line = 0;
};

struct SurvivalCohorts {
  std::vector<SurvivalCohort> cohorts;  // in the order first met in the file
  SetAsideRows fractional_period, repeated_period, conflicting_period, after_gap, rising, no_start,
      too_few;
  std::vector<SurvivalRow> conflicts;  // every row of a contradicted period, shown as it is
  std::vector<std::string> conflict_cohorts;
};

// Reads the kind's period, active and (optional) cohort columns.
SurvivalCohorts read_survival_cohorts(const ImportedTable& table);

}  // namespace servimetrics
