// What each column of the analyzers' answer tables holds, from the kinds' own lists (the record at
// the end of each analyze_<kind>.cpp): the page formats cells by it, and a test checks that every
// column any analyzer writes is listed and that a column means the same in every kind.
#include <algorithm>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"

namespace servimetrics {

std::string_view table_column_unit(std::string_view column) {
  // Cohort tables: one column per period offset ("0", "1", ...), the share still active.
  if (!column.empty() &&
      std::all_of(column.begin(), column.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "fraction";
  }
  for (const KindAnalysis* kind : kind_analyses()) {
    for (const ColumnUnit& entry : kind->units) {
      if (entry.column == column) return entry.unit;
    }
  }
  return {};
}

}  // namespace servimetrics
