// Shared compute pieces: grouped inputs, the small-sample warning.
#include "kpi/kpi_compute.hpp"

#include <string>

#include "base/format.hpp"

namespace servimetrics {

void add_small_sample_warning(KpiValue& kpi, double cases) {
  if (!is_small_sample(cases)) return;
  kpi.warnings.push_back(Error{.message = "small sample (cases: " + format_number(cases) +
                                          ", under " + format_number(kSmallSampleMinimum) +
                                          "): the figure can swing widely by chance",
                               .code = "small_sample",
                               .params = {{"cases", cases}, {"minimum", kSmallSampleMinimum}}});
}

Result<KpiValue> grouped_share(const KpiArgs& args, std::string_view input,
                               std::string_view part_field, std::string_view whole_field) {
  KpiValue kpi;
  double part_sum = 0;
  double whole_sum = 0;
  for (const auto& [row_name, row] : args.raw(input).items()) {
    const double part = row[std::string(part_field)].get<double>();
    const double whole = row[std::string(whole_field)].get<double>();
    const std::string prefix = std::string(input) + "." + row_name + ".";
    auto share = share_of({"", part}, {"", whole});
    if (!share.ok()) {
      const bool whole_is_zero = whole <= 0;
      const std::string blamed = prefix + std::string(whole_is_zero ? whole_field : part_field);
      nlohmann::json params = {{"input", input}, {"row", row_name}};
      if (whole_is_zero) {
        params["field"] = whole_field;
        return Error{.input = blamed,
                     .message = blamed + " must be greater than 0 (it is the denominator)",
                     .code = "group_denominator_not_positive",
                     .params = std::move(params)};
      }
      params["part"] = part_field;
      params["whole"] = whole_field;
      params["part_value"] = part;
      params["whole_value"] = whole;
      return Error{.input = blamed,
                   .message = prefix + std::string(part_field) + " is larger than " + prefix +
                              std::string(whole_field),
                   .code = "group_part_exceeds_whole",
                   .params = std::move(params)};
    }
    kpi.breakdown.push_back({row_name, share.value()});
    part_sum += part;
    whole_sum += whole;
  }
  if (kpi.breakdown.empty()) {
    return Error{.input = std::string(input),
                 .message = std::string(input) + " has no rows",
                 .code = "groups_empty",
                 .params = {{"input", input}}};
  }
  kpi.value = part_sum / whole_sum;
  return kpi;
}

}  // namespace servimetrics
