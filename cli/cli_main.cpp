// servimetrics: compute KPIs from a JSON request, print the catalog, or analyze a data file.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "servimetrics/analyze.hpp"
#include "servimetrics/catalog.hpp"
#include "servimetrics/request.hpp"

namespace {

constexpr const char* kUsage =
    "usage: servimetrics compute [FILE|-]          KPIs for a JSON request (stdin when no file)\n"
    "       servimetrics catalog                   the KPI catalog as JSON\n"
    "       servimetrics analyze --kind KIND FILE  KPIs from a data file (kinds: spend)\n";

// Exit codes: 0 answer without errors, 1 answer with errors, 2 unreadable input or bad usage.
constexpr int kOk = 0;
constexpr int kAnswerHasErrors = 1;
constexpr int kUnreadable = 2;

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

int fail(const std::string& message) {
  std::cerr << "servimetrics: " << message << '\n';
  return kUnreadable;
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
  if (command == "analyze" && argc == 5 && std::string_view(argv[2]) == "--kind") {
    std::string text;
    if (!read_all(argv[4], text)) return fail(std::string("cannot read ") + argv[4]);
    const auto answer = servimetrics::analyze(argv[3], text);
    if (!answer.contains("import")) {
      return fail(answer["errors"][0]["message"].get<std::string>());
    }
    return print_answer(answer);
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kOk;
  }
  std::cerr << kUsage;
  return kUnreadable;
}
