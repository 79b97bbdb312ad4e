// Financial KPIs: returns on service and digital investments, CAC change, dates for time to market.
#include <charconv>

#include "cells/calendar.hpp"
#include "kpi/metrics.hpp"

namespace servimetrics {

Result<double> service_innovation_roi(double revenue_gain, double investment) {
  return per_unit({"revenue_gain", revenue_gain - investment}, {"investment", investment});
}

Result<double> digital_transformation_roi(double benefit_3y, double investment) {
  return per_unit({"benefit_3y", benefit_3y}, {"investment", investment});
}

Result<double> digital_transformation_net_roi(double benefit_3y, double investment) {
  return per_unit({"benefit_3y", benefit_3y - investment}, {"investment", investment});
}

Result<double> cac_change(double cac_before, double cac_after) {
  return per_unit({"cac_after", cac_after - cac_before}, {"cac_before", cac_before});
}

std::optional<long long> checked_days_from_civil(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > days_in_month(year, month)) return std::nullopt;
  return days_from_civil(year, month, day);
}

std::optional<long long> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::string_view fields[3] = {text.substr(0, 4), text.substr(5, 2), text.substr(8, 2)};
  for (int i = 0; i < 3; ++i) {
    for (const char c : fields[i]) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    std::from_chars(fields[i].data(), fields[i].data() + fields[i].size(), parts[i]);
  }
  return checked_days_from_civil(parts[0], parts[1], parts[2]);
}

}  // namespace servimetrics
