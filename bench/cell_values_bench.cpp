// Throughput of the cell readers (numbers, dates, flags) on typical cells and, when its path is
// given, on the Online Retail file's own columns. Not part of the build:
//   g++ -O2 -std=c++20 -Icore/include bench/cell_values_bench.cpp
//   build/native/core/libservimetrics_core.a \
//       -o /tmp/cell_values_bench && /tmp/cell_values_bench [online_retail.csv]
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "cells/cell_values.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Process CPU time: the machine these run on is shared, and wall time there measures the others.
double cpu_seconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

template <class Parse>
void measure(const char* name, const std::vector<std::string_view>& cells, Parse parse) {
  constexpr std::size_t kTarget = 20'000'000;
  const std::size_t rounds = kTarget / cells.size() + 1;
  double checksum = 0;
  std::size_t failures = 0;
  const double start = cpu_seconds();
  const auto wall_start = Clock::now();
  for (std::size_t r = 0; r < rounds; ++r) {
    for (const std::string_view cell : cells) {
      const auto result = parse(cell);
      if (result.ok()) {
        checksum += static_cast<double>(result.value());
      } else {
        ++failures;
      }
    }
  }
  const double seconds = cpu_seconds() - start;
  const double wall = std::chrono::duration<double>(Clock::now() - wall_start).count();
  const double count = static_cast<double>(rounds * cells.size());
  std::printf("%-44s %6.1f M/s CPU %6.1f M/s wall (%zu failures, checksum %g)\n", name,
              count / seconds / 1e6, count / wall / 1e6, failures / rounds, checksum);
}

std::vector<std::string_view> repeat(std::initializer_list<std::string_view> cells) {
  std::vector<std::string_view> out;
  for (int i = 0; i < 1000; ++i) out.insert(out.end(), cells.begin(), cells.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  using servimetrics::DateFormat;
  using Order = DateFormat::Order;
  measure("numbers: plain \"2.55\" \"17850\" \"-3\"", repeat({"2.55", "17850", "-3", "12.75", "6"}),
          [](std::string_view c) { return servimetrics::parse_number_cell(c); });
  measure("numbers: \"1,234.50\" \"$12.99\" \"12.5%\" \"(5)\"",
          repeat({"1,234.50", "$12.99", "12.5%", "(5.00)",
                  "\xC2\xA5"
                  "1,200"}),
          [](std::string_view c) { return servimetrics::parse_number_cell(c); });
  measure("numbers: decimal comma \"1.234,50\"", repeat({"1.234,50", "3,5", "12"}),
          [](std::string_view c) { return servimetrics::parse_number_cell(c, {','}); });
  const DateFormat iso{Order::iso, "YYYY-MM-DD h:mm:ss"};
  const DateFormat mdy{Order::mdy, "M/D/YYYY h:mm"};
  const DateFormat compact{Order::compact, "YYYYMMDD"};
  const DateFormat excel{Order::excel_serial, "Excel serial number"};
  measure("dates: \"2010-12-01 08:26:00\"", repeat({"2010-12-01 08:26:00", "2011-06-30 17:05:00"}),
          [&](std::string_view c) { return servimetrics::parse_date_cell(c, iso); });
  measure("dates: \"2024-01-05\"", repeat({"2024-01-05", "2023-12-31"}),
          [&](std::string_view c) { return servimetrics::parse_date_cell(c, iso); });
  measure("dates: \"12/1/2010 8:26 PM\"", repeat({"12/1/2010 8:26 PM", "1/13/2011 11:05"}),
          [&](std::string_view c) { return servimetrics::parse_date_cell(c, mdy); });
  measure("dates: \"19970101\"", repeat({"19970101", "19971231"}),
          [&](std::string_view c) { return servimetrics::parse_date_cell(c, compact); });
  measure("dates: \"45296.35\"", repeat({"45296.35", "45296"}),
          [&](std::string_view c) { return servimetrics::parse_date_cell(c, excel); });
  measure("flags: \"Yes\" \"No\" \"是\"", repeat({"Yes", "No", "\xE6\x98\xAF", "0"}),
          [](std::string_view c) { return servimetrics::parse_flag_cell(c); });

  if (argc < 2) return 0;
  std::ifstream file(argv[1], std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // Online Retail: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,... The
  // description may hold quoted commas, so columns are counted from the end of each line.
  std::vector<std::string_view> quantities;
  std::vector<std::string_view> dates;
  std::vector<std::string_view> prices;
  std::size_t line_start = text.find('\n') + 1;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    std::string_view line(text.data() + line_start, line_end - line_start);
    std::vector<std::string_view> tail;  // the last 6 fields, from the end
    for (int i = 0; i < 6; ++i) {
      const std::size_t comma = line.rfind(',');
      tail.push_back(line.substr(comma + 1));
      line = line.substr(0, comma);
    }
    quantities.push_back(tail[4]);
    dates.push_back(tail[3]);
    prices.push_back(tail[2]);
    line_start = line_end + 1;
  }
  const auto detected = servimetrics::detect_date_format(dates);
  std::printf("Online Retail: %zu rows, dates detected as \"%s\"\n", dates.size(),
              detected.ok() ? detected.value().format.label.c_str() : "?");
  const DateFormat format = detected.ok() ? detected.value().format : iso;
  measure("Online Retail Quantity", quantities,
          [](std::string_view c) { return servimetrics::parse_number_cell(c); });
  measure("Online Retail UnitPrice", prices,
          [](std::string_view c) { return servimetrics::parse_number_cell(c); });
  measure("Online Retail InvoiceDate", dates,
          [&](std::string_view c) { return servimetrics::parse_date_cell(c, format); });
  const auto start = Clock::now();
  const auto again = servimetrics::detect_date_format(dates);
  std::printf("detect_date_format on the InvoiceDate column: %.2f ms (%s)\n",
              std::chrono::duration<double, std::milli>(Clock::now() - start).count(),
              again.ok() ? "ok" : "error");
  return 0;
}
