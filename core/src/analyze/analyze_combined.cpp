// KPIs that need two imported files at once, such as LTV:CAC per channel from a spend file and a
// transactions file. The inputs each file's analysis derived are merged and run through compute();
// the answer keeps only the KPIs that no file gives alone, and notes what could not be matched.
#include <set>
#include <string>
#include <vector>

#include "analyze/kind_analysis.hpp"
#include "analyze/kind_answer.hpp"
#include "base/channel_names.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

struct Source {
  std::string kind;
  const json* inputs;
};

json request_error(const std::string& input, const std::string& message, const char* code,
                   json params = json::object()) {
  json errors = json::array();
  errors.push_back(error_json(Error{
      .kpi = {}, .input = input, .message = message, .code = code, .params = std::move(params)}));
  return {{"kpis", json::array()},
          {"errors", std::move(errors)},
          {"inputs", json::object()},
          {"notes", json::array()},
          {"sources", json::object()}};
}

// "a, b and c"
std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += i == 0 ? "" : i + 1 == names.size() ? " and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

std::string error_key(const json& error) {
  return error["kpi"].dump() + error["input"].dump() + error["message"].dump();
}

const Source* source_of(const std::vector<Source>& sources, std::string_view kind) {
  for (const Source& s : sources) {
    if (s.kind == kind) return &s;
  }
  return nullptr;
}

// Why LTV:CAC has no row for some channels, or none at all.
void add_channel_notes(json& answer, const std::vector<Source>& sources, const json& merged) {
  const Source* spend = source_of(sources, "spend");
  const Source* transactions = source_of(sources, "transactions");
  if (spend == nullptr || transactions == nullptr || !merged.contains("channels")) return;
  if (!transactions->inputs->contains("gross_margin")) {
    add_note(answer, "ltv_cac_needs_margin",
             "LTV:CAC needs the customers' CLTV, which needs your gross margin: give one to the "
             "transactions import.",
             {{"input", "gross_margin"}, {"kind", "transactions"}});
    return;
  }
  if (!merged.contains("channel_cltv")) {
    add_note(answer, "ltv_cac_overall_only",
             "The transactions have no channel column, so LTV:CAC is overall only, not per "
             "channel.",
             {{"field", "channel"}, {"kind", "transactions"}});
    return;
  }
  const json& channels = merged["channels"];
  const json& values = merged["channel_cltv"];
  std::vector<std::string> without_value;
  std::vector<std::string> without_customers;
  for (const auto& [name, row] : channels.items()) {
    if (matching_channel(values, name) == nullptr) {
      without_value.push_back(name);
    } else if (!(row.value("new_customers", 0.0) > 0) || !(row.value("spend", 0.0) > 0)) {
      without_customers.push_back(name);
    }
  }
  std::vector<std::string> without_spend;
  for (const auto& [name, row] : values.items()) {
    if (matching_channel(channels, name) == nullptr) without_spend.push_back(name);
  }
  if (!without_value.empty()) {
    add_note(answer, "channels_without_cltv",
             "No customer in the transactions was won through " + listed(without_value) +
                 ", so these spend channels have no LTV:CAC.",
             {{"channels", without_value}});
  }
  if (!without_customers.empty()) {
    add_note(answer, "channels_without_cac",
             listed(without_customers) +
                 " won no new customers or had no spend in the spend file, so there is no CAC "
                 "to divide by.",
             {{"channels", without_customers}});
  }
  if (!without_spend.empty()) {
    add_note(answer, "channels_without_spend",
             "The spend file has no spend for " + listed(without_spend) +
                 ", where customers of the transactions were won.",
             {{"channels", without_spend}});
  }
}

}  // namespace

json combine_analyses(const json& request) {
  const json* answers =
      request.is_object() && request.contains("answers") ? &request["answers"] : nullptr;
  if (answers == nullptr || !answers->is_array()) {
    return request_error("answers",
                         "answers must be an array of analyses, each with kind and "
                         "inputs",
                         "combine_answers_not_array");
  }
  std::vector<Source> sources;
  for (std::size_t i = 0; i < answers->size(); ++i) {
    const json& a = (*answers)[i];
    const std::string key = "answers[" + std::to_string(i) + "]";
    if (!a.is_object() || !a.contains("kind") || !a["kind"].is_string() || !a.contains("inputs") ||
        !a["inputs"].is_object()) {
      return request_error(key, key + " must be an object with kind (text) and inputs (object)",
                           "combine_answer_malformed", {{"index", i}});
    }
    sources.push_back({a["kind"].get<std::string>(), &a["inputs"]});
  }

  json answer = {{"kpis", json::array()},
                 {"errors", json::array()},
                 {"inputs", json::object()},
                 {"notes", json::array()},
                 {"sources", json::object()}};
  json& merged = answer["inputs"];
  std::set<std::string> alone;         // KPIs one file gives by itself
  std::set<std::string> failed_alone;  // errors one file gives by itself
  for (const Source& s : sources) {
    for (const auto& [name, value] : s.inputs->items()) {
      if (merged.contains(name) && merged[name] != value) {
        const std::string before = answer["sources"][name].get<std::string>();
        add_note(answer, "input_conflict",
                 name + " comes from both the " + before + " and the " + s.kind +
                     " files with different values; the " + s.kind + " value is used.",
                 {{"input", name}, {"kind_before", before}, {"kind", s.kind}});
      }
      merged[name] = value;
      answer["sources"][name] = s.kind;
    }
    const json single = compute({{"inputs", *s.inputs}});
    for (const json& kpi : single["kpis"]) alone.insert(kpi["id"].get<std::string>());
    for (const json& error : single["errors"]) failed_alone.insert(error_key(error));
  }
  json combined = compute({{"inputs", merged}});
  for (json& kpi : combined["kpis"]) {
    if (alone.count(kpi["id"].get<std::string>()) == 0) answer["kpis"].push_back(std::move(kpi));
  }
  // An error a file's own analysis already reported is not repeated.
  for (json& error : combined["errors"]) {
    if (failed_alone.count(error_key(error)) == 0) answer["errors"].push_back(std::move(error));
  }
  add_channel_notes(answer, sources, merged);
  return answer;
}

}  // namespace servimetrics
