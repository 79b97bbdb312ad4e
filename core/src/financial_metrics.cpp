// Financial KPIs: returns on service and digital investments, CAC change, dates for time to market.
#include <charconv>

#include "servimetrics/metrics.hpp"

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

std::optional<long long> days_from_civil(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int month_days = kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > month_days) return std::nullopt;
  // Howard Hinnant's days-from-civil algorithm.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long long>(era) * 146097 + doe - 719468;
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
  return days_from_civil(parts[0], parts[1], parts[2]);
}

}  // namespace servimetrics
