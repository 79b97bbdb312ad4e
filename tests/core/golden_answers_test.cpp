// The CLI's answers on every sample, bad requests and the public data sets stay the same, codes and
// params included (tests/golden/cases.txt; scripts/update-golden rewrites them when a change of
// answers is meant). Every error, note and reject carries a code.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct GoldenCase {
  std::string name;
  std::string args;
  bool needs_shared = false;
};

std::string slurp(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  const auto last = text.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

const fs::path kRoot = SERVIMETRICS_SOURCE_DIR;
const fs::path kShared = kRoot / ".." / "shared" / "data";

std::vector<GoldenCase> cases() {
  std::vector<GoldenCase> list;
  std::istringstream lines(slurp(kRoot / "tests/golden/cases.txt"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto bar = line.find('|');
    if (bar == std::string::npos) continue;
    GoldenCase c{trim(line.substr(0, bar)), trim(line.substr(bar + 1))};
    c.needs_shared = c.args.find("@shared/") != std::string::npos;
    c.args = replace_all(c.args, "@shared/", kShared.string() + "/");
    c.args = replace_all(c.args, "@/", kRoot.string() + "/");
    list.push_back(c);
  }
  return list;
}

std::string run_cli(const std::string& args) {
  const std::string command = std::string("'") + SERVIMETRICS_CLI + "' " + args + " </dev/null";
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[1 << 14];
  for (std::size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

// Lists every message (errors, notes, rejects, a date format's note, the encoding's reason) that
// stands without a code.
void find_uncoded(const json& node, const std::string& where, std::vector<std::string>& uncoded) {
  if (node.is_object()) {
    const char* text = node.contains("message") ? "message" : "reason";
    if (node.contains(text) && node[text].is_string()) {
      const auto code = node.find("code");
      if (code == node.end() || !code->is_string() || code->get<std::string>().empty()) {
        uncoded.push_back(where + ": " + node[text].get<std::string>());
      }
    }
    if (node.contains("note") && node["note"].is_string() && !node.contains("note_parts")) {
      uncoded.push_back(where + ": " + node["note"].get<std::string>());
    }
    if (node.contains("encoding_reason") && !node.contains("encoding_reason_code")) {
      uncoded.push_back(where + ": " + node["encoding_reason"].get<std::string>());
    }
    for (const auto& [key, value] : node.items()) find_uncoded(value, where + "." + key, uncoded);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      find_uncoded(node[i], where + "[" + std::to_string(i) + "]", uncoded);
    }
  }
}

std::string dump(const json& answer) {
  return answer.dump(-1, ' ', false, json::error_handler_t::replace);
}

TEST(GoldenAnswers, SameAnswers) {
  const auto list = cases();
  ASSERT_GE(list.size(), 15u);
  int compared = 0;
  for (const auto& c : list) {
    SCOPED_TRACE(c.name);
    if (c.needs_shared && !fs::exists(kShared)) continue;
    const json golden =
        json::parse(slurp(kRoot / "tests/golden" / (c.name + ".json")), nullptr, false);
    const json answer = json::parse(run_cli(c.args), nullptr, false);
    ASSERT_FALSE(golden.is_discarded());
    ASSERT_FALSE(answer.is_discarded()) << c.args;
    EXPECT_EQ(dump(answer), dump(golden)) << "scripts/update-golden rewrites tests/golden/"
                                          << c.name << ".json when the change is meant";
    ++compared;
  }
  EXPECT_GE(compared, 15);
}

TEST(GoldenAnswers, EveryMessageHasACode) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.name);
    if (c.needs_shared && !fs::exists(kShared)) continue;
    const json answer = json::parse(run_cli(c.args), nullptr, false);
    std::vector<std::string> uncoded;
    find_uncoded(answer, c.name, uncoded);
    for (const auto& u : uncoded) ADD_FAILURE() << "no code: " << u;
  }
}

}  // namespace
