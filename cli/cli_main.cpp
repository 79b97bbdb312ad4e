// servimetrics: compute KPIs from a JSON request, print the catalog, analyze a data file, answer
// what-if questions, or fit and evaluate customer-base models.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "file_commands.hpp"
#include "models_commands.hpp"
#include "servimetrics/catalog.hpp"
#include "servimetrics/data_kinds.hpp"
#include "servimetrics/file_analysis.hpp"
#include "servimetrics/request.hpp"
#include "servimetrics/whatif.hpp"

namespace {

constexpr const char* kUsage =
    "usage: servimetrics compute [FILE|-]          KPIs for a JSON request (stdin when no file)\n"
    "       servimetrics catalog                   the KPI catalog as JSON\n"
    "       servimetrics kinds                     the data kinds and their columns as JSON\n"
    "       servimetrics analyze --kind KIND [OPTIONS] FILE\n"
    "            KPIs from a data file, CSV or .xlsx (kinds: transactions, subscriptions, survey,\n"
    "            tickets, spend, ledger, auto). OPTIONS: --encoding "
    "utf-8|utf-16le|utf-16be|gb18030|big5\n"
    "            --delimiter C|tab|spaces --sheet N --map FIELD=HEADER|POSITION (1-based)\n"
    "            --no-header|--header (default: detected) --date-format FIELD=ORDER\n"
    "            (iso ymd mdy dmy cjk compact excel_serial roc) --decimal .|, --period "
    "month|quarter|year\n"
    "            --scale nps|csat --as-of YYYY-MM-DD --gross-margin X --discount-rate X\n"
    "            --value-per-period N (survival tables: the lifetime value; --period is then the\n"
    "            table's period, also week; if not given, the one its period column's header\n"
    "            names (months, 年...), else a year) --rejects OUT.csv (every rejected row)\n"
    "       servimetrics combine ANALYSIS.json ANALYSIS.json...\n"
    "            KPIs that need two files, e.g. LTV:CAC per channel from the analyze answers of\n"
    "            a spend file and of a transactions file read with --gross-margin\n"
    "       servimetrics whatif [FILE|-]           scenarios side by side, tornado, goal seek and\n"
    "            Monte Carlo for a what-if request (docs/WHATIF.md; stdin when no file)\n"
    "       servimetrics fit --model bg_nbd|pareto_nbd|gamma_gamma|sbg|km [--kind\n"
    "            transactions|subscriptions|survival] [--calibration-end D] [--holdout-end D]\n"
    "            [--time-unit day|week|month] [--horizon N] [--margin X] [--discount-rate X]\n"
    "            [--intervals DRAWS] [--customers OUT.csv] [--column NAME] [--periods N]\n"
    "            [--map F=H] [--date-format F=ORDER] FILE\n"
    "            a customer-base model (docs/MODELS.md)\n"
    "       servimetrics predict --model M --params JSON|FIT.json [--x N --t-x N --T N]\n"
    "            [--horizon N] [--mean-spend X] [--time-unit U]   a fitted model evaluated\n"
    "       servimetrics import --kind raw [--encoding E] [--delimiter C] [--sheet N] FILE\n"
    "            the rows as read, a JSON array of arrays of strings\n";

using servimetrics::cli::fail;
using servimetrics::cli::kAnswerHasErrors;
using servimetrics::cli::kOk;
using servimetrics::cli::kUnreadable;

bool read_all(const std::string& path, std::string& out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  out = std::move(buffer).str();
  return !file.bad();
}

int print_answer(const nlohmann::json& answer) {
  std::cout << servimetrics::dump_answer(answer) << '\n';
  return answer["errors"].empty() ? kOk : kAnswerHasErrors;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "catalog" && argc == 2) {
    std::cout << servimetrics::catalog_json().dump(2, ' ', false) << '\n';
    return kOk;
  }
  if (command == "compute" && argc <= 3) {
    const std::string path = argc == 3 ? argv[2] : "-";
    std::string text;
    if (!read_all(path, text))
      return fail("cannot read " + (path == "-" ? "standard input" : path));
    auto request = servimetrics::parse_json(text);
    if (!request.ok()) return fail(request.error().message);
    return print_answer(servimetrics::compute(request.value()));
  }
  if (command == "whatif" && argc <= 3) {
    const std::string path = argc == 3 ? argv[2] : "-";
    std::string text;
    if (!read_all(path, text))
      return fail("cannot read " + (path == "-" ? "standard input" : path));
    const std::string answer = servimetrics::whatif_text(text);
    std::cout << answer << '\n';
    // The answer starts with its errors: {"errors":[] when there are none.
    return answer.rfind("{\"errors\":[]", 0) == 0 ? kOk : kAnswerHasErrors;
  }
  if (command == "kinds" && argc == 2) {
    std::cout << servimetrics::data_kinds_json().dump(2, ' ', false) << '\n';
    return kOk;
  }
  if (command == "analyze" && argc >= 3) {
    return servimetrics::cli::analyze_command(std::span<char* const>(argv + 2, argc - 2));
  }
  if (command == "combine" && argc >= 3) {
    nlohmann::json request = {{"answers", nlohmann::json::array()}};
    for (int i = 2; i < argc; ++i) {
      std::string text;
      if (!read_all(argv[i], text)) return fail(std::string("cannot read ") + argv[i]);
      auto analysis = servimetrics::parse_json(text);
      if (!analysis.ok()) return fail(std::string(argv[i]) + ": " + analysis.error().message);
      request["answers"].push_back(std::move(analysis.value()));
    }
    return print_answer(servimetrics::combine_analyses(request));
  }
  if (command == "import" && argc >= 3) {
    return servimetrics::cli::import_command(std::span<char* const>(argv + 2, argc - 2));
  }
  if (command == "fit" && argc >= 3) {
    return servimetrics::cli::fit_command(std::span<char* const>(argv + 2, argc - 2));
  }
  if (command == "predict" && argc >= 3) {
    return servimetrics::cli::predict_command(std::span<char* const>(argv + 2, argc - 2));
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kOk;
  }
  std::cerr << kUsage;
  return kUnreadable;
}
