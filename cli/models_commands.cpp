// fit and predict: a transactions or subscriptions file streamed through the core's import, or a
// survival table read here, fitted by the models layer; the answer of one model printed as JSON.
#include "models_commands.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "file_commands.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/import_session.hpp"
#include "servimetrics/json_text.hpp"
#include "servimetrics/models.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics::cli {
namespace {

using json = nlohmann::json;

struct FitArgs {
  std::string model, kind = "transactions", path, customers_path, column;
  json options = json::object();  // fit_models' options
  json import = json::object();   // ImportSession's request
  int periods = 0;                // survival: the first periods used (0: all)
};

// A number argument, or false with the problem said.
bool number_arg(const std::string& flag, const std::string& text, double& out,
                std::string& problem) {
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(out)) problem = flag + " needs a number";
  return problem.empty();
}

// --model M --kind K --calibration-end D --holdout-end D --as-of D --time-unit U --horizon N
// --margin X --discount-rate X --clv-years N --payment X --intervals N --customers OUT.csv
// --column NAME --periods N, and the import's --map F=H --date-format F=O --delimiter C
// --encoding E --sheet N.
bool parse_fit_args(std::span<char* const> args, FitArgs& out, std::string& problem) {
  for (std::size_t i = 0; i < args.size() && problem.empty(); ++i) {
    const std::string arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      if (!out.path.empty()) problem = "more than one file given";
      out.path = arg;
      continue;
    }
    if (i + 1 >= args.size()) {
      problem = arg + " needs a value";
      break;
    }
    const std::string value = args[++i];
    std::string key = arg.substr(2);
    for (char& c : key) c = c == '-' ? '_' : c;
    double number = 0;
    if (key == "model") {
      out.model = value;
    } else if (key == "kind") {
      out.kind = value;
    } else if (key == "customers") {
      out.customers_path = value;
    } else if (key == "column") {
      out.column = value;
    } else if (key == "calibration_end" || key == "holdout_end" || key == "as_of" ||
               key == "time_unit") {
      out.options[key] = value;
    } else if (key == "horizon" || key == "margin" || key == "discount_rate" ||
               key == "clv_years" || key == "payment" || key == "intervals" || key == "periods") {
      if (!number_arg(arg, value, number, problem)) break;
      if (key == "intervals")
        out.options["intervals"] = {{"draws", number}};
      else if (key == "periods")
        out.periods = static_cast<int>(number);
      else
        out.options[key] = number;
    } else if (key == "map" || key == "date_format") {
      const auto eq = value.find('=');
      if (eq == std::string::npos)
        problem = arg + " takes field=value";
      else
        out.import[key == "map" ? "mapping" : "date_formats"][value.substr(0, eq)] =
            value.substr(eq + 1);
    } else if (key == "delimiter" || key == "encoding" || key == "decimal") {
      out.import[key] = value;
    } else if (key == "sheet") {
      if (number_arg(arg, value, number, problem)) out.import["sheet"] = static_cast<int>(number);
    } else {
      problem = "unknown option " + arg;
    }
  }
  if (problem.empty() && out.path.empty()) problem = "no file given";
  if (problem.empty() && out.model.empty()) problem = "--model is missing";
  return problem.empty();
}

bool read_text(const std::string& path, std::string& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  out = std::move(buffer).str();
  return !file.bad();
}

// A survival table: one count per line (the column `column`, else the last), a header allowed.
bool read_survival(const FitArgs& a, std::vector<double>& alive, std::string& problem) {
  std::string text;
  if (!read_text(a.path, text)) {
    problem = "cannot read " + a.path;
    return false;
  }
  std::istringstream lines(text);
  std::string line;
  int column = -1;
  for (bool first = true; std::getline(lines, line); first = false) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    if (first && !a.column.empty()) {
      for (std::size_t k = 0; k < cells.size(); ++k)
        if (cells[k] == a.column) column = static_cast<int>(k);
      if (column < 0) problem = "no column " + a.column + " in " + a.path;
      if (column < 0) return false;
      continue;
    }
    const std::string& cell = cells.at(column >= 0 && column < static_cast<int>(cells.size())
                                           ? static_cast<std::size_t>(column)
                                           : cells.size() - 1);
    char* end = nullptr;
    const double v = std::strtod(cell.c_str(), &end);
    if (end == cell.c_str() || *end != '\0') {
      if (first) continue;  // a header
      problem = a.path + ": \"" + cell + "\" is not a count";
      return false;
    }
    alive.push_back(v);
  }
  if (a.periods > 0 && alive.size() > static_cast<std::size_t>(a.periods) + 1)
    alive.resize(static_cast<std::size_t>(a.periods) + 1);
  return true;
}

}  // namespace

namespace servimetrics::cli {
namespace {

// The import of a transactions or subscriptions file, or null with the problem said.
std::unique_ptr<ImportSession> import_file(const FitArgs& a, std::string& problem) {
  json request = a.import;
  request["kind"] = a.kind;
  auto options = import_request_from_json(request);
  if (!options.ok()) {
    problem = options.error().message;
    return nullptr;
  }
  auto session = std::make_unique<ImportSession>(options.value().first);
  std::string text;
  if (!read_text(a.path, text)) {
    problem = "cannot read " + a.path;
    return nullptr;
  }
  session->feed(text);
  session->finish();
  if (!session->error()) return session;
  problem = a.path + ": " + session->error()->message;
  return nullptr;
}

// The one model's part of fit_models' answer: its fit, and the parts that concern it.
json one_model(const json& answer, const std::string& model) {
  json out = {{"model", model}};
  for (const json& fit : answer["models"])
    if (fit["name"] == model)
      for (const char* key :
           {"params", "std_errors", "log_likelihood", "converged", "evaluations", "warnings"})
        out[key] = fit[key];
  for (const char* key : {"summary", "retention", "survival", "model_choice"})
    if (answer.contains(key)) out[key] = answer[key];
  for (const char* key : {"base", "holdout"}) {
    const json& list = key == std::string("base")
                           ? answer.value("base", json::array())
                           : answer.value("holdout", json::object()).value("models", json::array());
    for (const json& item : list)
      if (item["model"] == model) out[key] = item;
  }
  if (answer.contains("intervals")) {
    out["intervals"] = answer["intervals"];
    out["intervals"].erase("customers");
  }
  if (answer.contains("customers_total")) out["customers"] = answer["customers_total"];
  out["errors"] = answer["errors"];
  out["warnings_of_data"] = answer.value("warnings", json::array());
  return out;
}

std::string csv_cell(const json& v) {
  if (v.is_null()) return "";
  if (!v.is_string()) return v.dump();
  const std::string s = v.get<std::string>();
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// The customers' table (and their CLV intervals, when drawn) as CSV.
bool write_customers(const json& answer, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  const json columns = answer.value("customer_columns", json::array());
  const bool intervals = answer.contains("intervals");
  std::string line;
  for (const json& c : columns) line += (line.empty() ? "" : ",") + c.get<std::string>();
  if (intervals)
    for (const json& c : answer["intervals"]["customer_columns"])
      line += "," + c.get<std::string>();
  out << line << '\n';
  const json rows = answer.value("customers", json::array());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    line.clear();
    for (std::size_t k = 0; k < rows[i].size(); ++k) line += (k ? "," : "") + csv_cell(rows[i][k]);
    if (intervals) {
      const json& q = answer["intervals"]["customers"][i];
      for (std::size_t k = 0; k < 3; ++k) line += "," + (q.is_array() ? csv_cell(q[k]) : "");
    }
    out << line << '\n';
  }
  return static_cast<bool>(out);
}

}  // namespace

int fit_command(std::span<char* const> args) {
  FitArgs a;
  std::string problem;
  if (!parse_fit_args(args, a, problem)) return fail(problem);
  a.options["models"] = {a.model};
  json answer;
  if (a.kind == "survival") {
    std::vector<double> alive;
    if (!read_survival(a, alive, problem)) return fail(problem);
    json request = a.options;
    request["survival"] = alive;
    answer = fit_models(request);
  } else {
    const auto session = import_file(a, problem);
    if (!session) return fail(problem);
    answer = fit_models(session->table(), a.options);
  }
  if (!a.customers_path.empty() && !write_customers(answer, a.customers_path))
    return fail("cannot write " + a.customers_path);
  std::cout << dump_answer(one_model(answer, a.model)) << '\n';
  return answer["errors"].empty() ? kOk : kAnswerHasErrors;
}

// --model M --params JSON|FILE (a fit's answer or its params) --x N --t-x N --T N --horizon N
// --mean-spend X and the options of fit.
int predict_command(std::span<char* const> args) {
  json request = json::object();
  for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
    std::string key = std::string(args[i]).substr(2);
    for (char& c : key) c = c == '-' ? '_' : c;
    const std::string value = args[i + 1];
    if (std::string(args[i]).rfind("--", 0) != 0) return fail("unexpected " + std::string(args[i]));
    if (key == "params") {
      std::string text = value;
      if (!value.empty() && value[0] != '{' && !read_text(value, text))
        return fail("cannot read " + value);
      auto parsed = parse_json(text);
      if (!parsed.ok()) return fail("--params: " + parsed.error().message);
      request["params"] =
          parsed.value().contains("params") ? parsed.value()["params"] : parsed.value();
    } else if (key == "model" || key == "time_unit") {
      request[key] = value;
    } else {
      double number = 0;
      std::string problem;
      if (!number_arg(args[i], value, number, problem)) return fail(problem);
      request[key] = number;
    }
  }
  if (args.size() % 2 != 0) return fail(std::string(args.back()) + " needs a value");
  const json answer = predict_models(request);
  std::cout << dump_answer(answer) << '\n';
  return answer["errors"].empty() ? kOk : kAnswerHasErrors;
}

}  // namespace servimetrics::cli
