// Each customer's summary and the chosen count model's predictions moved into plain columns: the
// predictions are the ones the base's totals were summed from (customer_predictions.cpp).
#include "models/customer_columns.hpp"

#include <utility>

namespace servimetrics::models {

void take_customer_ids(CustomerSummaries& c, CustomerColumns& out) {
  std::size_t bytes = 0;
  for (const std::string& id : c.ids) bytes += id.size();
  out.ids.clear();
  out.ids.reserve(bytes);  // once, not by doubling
  out.id_ends.clear();
  out.id_ends.reserve(c.ids.size());
  for (const std::string& id : c.ids) {
    out.ids += id;
    out.id_ends.push_back(static_cast<std::uint32_t>(out.ids.size()));
  }
  c.ids = {};
}

void take_customer_summaries(CustomerSummaries& c, CustomerColumns& out) {
  out.x = std::move(c.x);
  out.t_x = std::move(c.t_x);
  out.T = std::move(c.T);
  out.mean_spend = std::move(c.mean_spend);
}

void take_predictions(std::vector<PredictionColumns>& kept, const std::string& model,
                      CustomerColumns& out) {
  for (PredictionColumns& p : kept) {
    if (p.model != model) continue;
    out.model = model;
    out.p_alive = std::move(p.p_alive);
    out.expected = std::move(p.expected);
    out.clv = std::move(p.clv);
    return;
  }
}

}  // namespace servimetrics::models
