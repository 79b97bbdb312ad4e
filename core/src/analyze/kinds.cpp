// The data kinds' analyses in one list: the record of each is at the end of its
// analyze_<kind>.cpp; its fields and header aliases are in data_kinds.cpp (import layer).
#include <array>

#include "analyze/kind_analysis.hpp"

namespace servimetrics {

// Defined at the end of each analyze_<kind>.cpp.
extern const KindAnalysis kTransactionsAnalysis;
extern const KindAnalysis kSubscriptionsAnalysis;
extern const KindAnalysis kSurveyAnalysis;
extern const KindAnalysis kTicketsAnalysis;
extern const KindAnalysis kSpendAnalysis;
extern const KindAnalysis kLedgerAnalysis;
extern const KindAnalysis kCustomerSummaryAnalysis;
extern const KindAnalysis kSurvivalTableAnalysis;

std::span<const KindAnalysis* const> kind_analyses() {
  static constexpr std::array<const KindAnalysis*, 8> kAll = {
      &kTransactionsAnalysis,    &kSubscriptionsAnalysis, &kSurveyAnalysis,
      &kTicketsAnalysis,         &kSpendAnalysis,         &kLedgerAnalysis,
      &kCustomerSummaryAnalysis, &kSurvivalTableAnalysis};
  return kAll;
}

const KindAnalysis* find_kind_analysis(std::string_view id) {
  for (const KindAnalysis* kind : kind_analyses()) {
    if (kind->id == id) return kind;
  }
  return nullptr;
}

}  // namespace servimetrics
