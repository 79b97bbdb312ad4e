// Shared by the models tests: the CDNOW summaries read from ../shared/data (tests skip without
// them; no data is copied into the repository).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "models/model_fit.hpp"

namespace models_test {

inline const std::filesystem::path kShared =
    std::filesystem::path(SERVIMETRICS_SOURCE_DIR) / ".." / "shared" / "data";

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// lifetimes' cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (weeks, 39-week
// calibration to 1997-09-30, t_x and T rounded to 2 decimals).
inline std::optional<servimetrics::models::CustomerSummaries> cdnow_summaries() {
  const auto path = kShared / "cdnow-lifetimes" / "cdnow_customers_summary_with_transactions.csv";
  if (!std::filesystem::exists(path)) return std::nullopt;
  std::istringstream lines(slurp(path));
  std::string line;
  std::getline(lines, line);  // header
  servimetrics::models::CustomerSummaries c;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::istringstream row(line);
    std::string id, x, tx, T, z;
    std::getline(row, id, ',');
    std::getline(row, x, ',');
    std::getline(row, tx, ',');
    std::getline(row, T, ',');
    std::getline(row, z, ',');
    c.ids.push_back(id);
    c.x.push_back(std::stod(x));
    c.t_x.push_back(std::stod(tx));
    c.T.push_back(std::stod(T));
    c.mean_spend.push_back(std::stod(z));
    c.x_holdout.push_back(-1);
  }
  return c;
}

}  // namespace models_test

#define SKIP_WITHOUT_CDNOW(c) \
  if (!(c)) GTEST_SKIP() << "no ../shared/data/cdnow-lifetimes: CDNOW tests skipped"
