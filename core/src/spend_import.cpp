// Marketing-spend files: every row checked, rejects reported with row, column, value and reason;
// the accepted rows become per-channel totals and go through the catalog's CAC.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "format.hpp"
#include "servimetrics/analyze.hpp"
#include "servimetrics/csv_reader.hpp"
#include "servimetrics/number_parser.hpp"
#include "servimetrics/request.hpp"

namespace servimetrics {
namespace {

using json = nlohmann::json;

constexpr std::size_t kRejectsShown = 100;

struct Column {
  const char* name;
  std::array<std::string_view, 4> aliases;  // lower-case English and Chinese headers
};

constexpr std::array<Column, 4> kColumns = {{
    {"period", {"period", "month", "期间", "月份"}},
    {"channel", {"channel", "source", "渠道", "来源"}},
    {"spend", {"spend", "cost", "支出", "花费"}},
    {"new_customers", {"new_customers", "new customers", "新客户数", "新增客户"}},
}};

std::string normalized_header(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct ChannelTotal {
  std::string channel;
  double spend = 0;
  double new_customers = 0;
};

}  // namespace

json analyze_spend(std::string_view text) {
  json answer = {{"kpis", json::array()}, {"errors", json::array()}};
  json rejects = json::array();
  std::size_t rows_read = 0;
  std::size_t rows_used = 0;
  std::size_t rows_rejected = 0;
  std::array<int, kColumns.size()> index{-1, -1, -1, -1};
  bool header_seen = false;
  std::string header_problem;
  std::vector<ChannelTotal> totals;

  auto reject = [&](std::size_t line, std::string_view column, std::string_view value,
                    std::string reason) {
    ++rows_rejected;
    if (rejects.size() < kRejectsShown) {
      rejects.push_back({{"row", line},
                         {"column", column},
                         {"value", std::string(value.substr(0, 80))},
                         {"reason", std::move(reason)}});
    }
  };

  auto read = read_csv(text, detect_delimiter(text), [&](const CsvRecord& record) {
    if (!header_seen) {
      header_seen = true;
      for (std::size_t f = 0; f < record.fields.size(); ++f) {
        const std::string header = normalized_header(record.fields[f]);
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
          const auto& aliases = kColumns[c].aliases;
          if (index[c] < 0 && std::find(aliases.begin(), aliases.end(), header) != aliases.end()) {
            index[c] = static_cast<int>(f);
          }
        }
      }
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        if (index[c] < 0)
          header_problem += (header_problem.empty() ? "" : ", ") + std::string(kColumns[c].name);
      }
      return header_problem.empty();
    }
    ++rows_read;
    auto field = [&](std::size_t c) -> std::string_view {
      const auto i = static_cast<std::size_t>(index[c]);
      return i < record.fields.size() ? record.fields[i] : std::string_view{};
    };
    const std::string_view channel = field(1);
    if (channel.empty()) {
      reject(record.line, "channel", channel, "channel is empty");
      return true;
    }
    double numbers[2] = {0, 0};
    for (std::size_t c = 2; c < 4; ++c) {
      const auto value = parse_decimal(field(c));
      // Same ranges as the typed inputs, so per-channel sums stay finite.
      const double max = c == 2 ? 1e15 : 1e12;
      if (!value || *value < 0 || *value > max) {
        reject(record.line, kColumns[c].name, field(c),
               field(c).empty() ? std::string(kColumns[c].name) + " is empty"
               : !value         ? "not a number"
               : *value < 0     ? "must not be negative"
                                : "is larger than " + format_number(max));
        return true;
      }
      numbers[c - 2] = *value;
    }
    ++rows_used;
    auto found = std::find_if(totals.begin(), totals.end(),
                              [&](const ChannelTotal& t) { return t.channel == channel; });
    if (found == totals.end())
      found = totals.insert(totals.end(), ChannelTotal{std::string(channel)});
    found->spend += numbers[0];
    found->new_customers += numbers[1];
    return true;
  });

  if (!read.ok()) {
    answer["errors"].push_back(error_json({"cac", "file", read.error().message}));
  } else if (!header_seen) {
    answer["errors"].push_back(error_json({"cac", "file", "the file is empty"}));
  } else if (!header_problem.empty()) {
    answer["errors"].push_back(
        error_json({"cac", "file",
                    "this does not look like a marketing-spend file: missing column(s) " +
                        header_problem + " (expected period, channel, spend, new_customers)"}));
  }

  json table = json::array();
  json channels = json::object();
  for (const ChannelTotal& t : totals) {
    table.push_back({{"channel", t.channel},
                     {"spend", t.spend},
                     {"new_customers", t.new_customers},
                     {"cac", t.new_customers > 0 ? json(t.spend / t.new_customers) : json()}});
    channels[t.channel] = {{"spend", t.spend}, {"new_customers", t.new_customers}};
  }
  if (!channels.empty()) {
    json computed = compute({{"inputs", {{"channels", std::move(channels)}}}});
    answer["kpis"] = std::move(computed["kpis"]);
    for (auto& e : computed["errors"]) answer["errors"].push_back(std::move(e));
  } else if (header_seen && header_problem.empty()) {
    answer["errors"].push_back(error_json({"cac", "file", "no usable rows in the file"}));
  }
  answer["table"] = std::move(table);
  answer["import"] = {{"rows_read", rows_read},
                      {"rows_used", rows_used},
                      {"rows_rejected", rows_rejected},
                      {"rejects", std::move(rejects)}};
  return answer;
}

json analyze(std::string_view kind, std::string_view text) {
  if (kind == "spend") return analyze_spend(text);
  return {{"kpis", json::array()},
          {"errors",
           json::array({error_json(
               {{}, "kind", "unknown data kind '" + std::string(kind) + "' (known: spend)"})})}};
}

}  // namespace servimetrics
