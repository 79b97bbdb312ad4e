// The what-if call: reads the request, projects every scenario, answers the questions asked.
#include "servimetrics/whatif.hpp"

#include <cmath>

#include "base/json_writer.hpp"
#include "servimetrics/json_text.hpp"
#include "whatif/whatif_json.hpp"

namespace servimetrics {
namespace {

using whatif::Path;

void write_errors(JsonWriter& out, const std::vector<Error>& errors) {
  out.key("errors").begin_array();
  for (const Error& error : errors) out.value(error_json(error));
  out.end_array();
}

bool finite(const Path& path) {
  for (const auto* series :
       {&path.customers, &path.revenue, &path.gross_profit, &path.acquisition_cost,
        &path.service_cost, &path.investment, &path.profit, &path.cumulative_profit}) {
    for (const double v : *series) {
      if (!std::isfinite(v)) return false;
    }
  }
  return true;
}

Error too_large() {
  return Error{.kpi = "whatif",
               .message = "the projection is too large to compute from these levers",
               .code = "whatif_too_large",
               .params = {{"where", "request"}}};
}

void write_questions(JsonWriter& out, const whatif::WhatifRequest& request) {
  using namespace whatif;
  if (request.tornado) {
    out.key("tornado");
    write_tornado(out, request,
                  tornado(model_of(request, request.tornado_scenario), *request.tornado));
  }
  if (request.goal) {
    out.key("goal");
    write_goal(out, request, goal_seek(model_of(request, request.goal_scenario), *request.goal));
  }
  if (request.monte_carlo) {
    out.key("monte_carlo");
    write_monte_carlo(
        out, request,
        monte_carlo(model_of(request, request.monte_carlo_scenario), *request.monte_carlo));
  }
}

}  // namespace

std::string whatif_answer(const nlohmann::json& request_json) {
  whatif::ReadRequest read = whatif::read_whatif_request(request_json);
  const whatif::WhatifRequest& request = read.request;
  std::vector<Path> paths;
  if (read.errors.empty()) {
    paths.resize(request.scenarios.size() + 1);
    for (std::size_t i = 0; i < paths.size(); ++i) {
      whatif::project(whatif::model_of(request, static_cast<int>(i) - 1), paths[i]);
      if (!finite(paths[i]) && read.errors.empty()) read.errors.push_back(too_large());
    }
  }
  std::string text;
  {
    JsonWriter out(text);
    out.begin_object();
    write_errors(out, read.errors);
    if (read.errors.empty()) {
      out.key("horizon_years").integer(request.baseline.horizon_years);
      out.key("step").value(request.baseline.step == whatif::Step::month ? "month" : "year");
      out.key("years").begin_array();
      for (int y = 1; y <= request.baseline.horizon_years; ++y) out.integer(y);
      out.end_array();
      out.key("scenarios");
      whatif::write_scenarios(out, request, paths);
      write_questions(out, request);
    }
    out.end_object();
  }
  return text;
}

std::string whatif_text(const std::string& request_text) {
  auto parsed = parse_json(request_text);
  if (!parsed.ok()) {
    std::string text;
    {
      JsonWriter out(text);
      out.begin_object();
      write_errors(out, {parsed.error()});
      out.end_object();
    }
    return text;
  }
  return whatif_answer(parsed.value());
}

}  // namespace servimetrics
