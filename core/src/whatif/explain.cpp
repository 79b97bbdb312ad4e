// Writes each output's formula and the numbers put into it, so an answer can be checked by hand.
#include "whatif/explain.hpp"

#include <string_view>

namespace servimetrics::whatif {
namespace {

void number(JsonWriter& out, std::string_view name, double value) {
  out.key(name).value(value);
}

void lever(JsonWriter& out, const Model& model, Lever l) {
  number(out, lever_spec(l).name, model.levers[l]);
}

void list(JsonWriter& out, std::string_view name, const std::vector<double>& values) {
  out.key(name).begin_array();
  for (const double v : values) out.value(v);
  out.end_array();
}

void margin_inputs(JsonWriter& out, const Model& model) {
  number(out, "annual_margin", economics(model).annual_margin);
  for (const Lever l : {Lever::avg_order_value, Lever::purchases_per_year, Lever::gross_margin,
                        Lever::price_change, Lever::service_attach_rate,
                        Lever::service_revenue_per_customer, Lever::service_gross_margin,
                        Lever::support_cost_per_customer, Lever::first_contact_resolution}) {
    lever(out, model, l);
  }
  number(out, "reference_first_contact_resolution", model.fcr_reference);
}

double last(const std::vector<double>& yearly) {
  return yearly.empty() ? 0 : yearly.back();
}

void year_inputs(JsonWriter& out, const Model& model, const Path& path, Output output) {
  const Step step = model.step;
  number(out, "year", model.horizon_years);
  switch (output) {
    case Output::cumulative_profit:
      list(out, "profit_by_year", yearly_sum(path.profit, step));
      break;
    case Output::profit:
      number(out, "gross_profit", last(yearly_sum(path.gross_profit, step)));
      number(out, "acquisition_cost", last(yearly_sum(path.acquisition_cost, step)));
      number(out, "service_cost", last(yearly_sum(path.service_cost, step)));
      number(out, "benefit", last(yearly_sum(path.benefit, step)));
      number(out, "investment", last(yearly_sum(path.investment, step)));
      break;
    case Output::revenue:
      number(out, "product_revenue", last(yearly_sum(path.product_revenue, step)));
      number(out, "service_revenue", last(yearly_sum(path.service_revenue, step)));
      break;
    default:
      for (const Lever l :
           {Lever::starting_customers, Lever::retention_rate, Lever::new_customers_per_year}) {
        lever(out, model, l);
      }
  }
}

void investment_inputs(JsonWriter& out, const Model& model, Output output) {
  if (output == Output::roi || output == Output::net_roi) {
    const RoiParts parts = roi_parts(model);
    number(out, "years", parts.years);
    number(out, "benefit_3y", parts.benefit);
    number(out, "investment_3y", parts.investment);
    return;
  }
  list(out, "cash_flows", investment_cash_flows(model));
  if (output == Output::npv) lever(out, model, Lever::discount_rate);
}

}  // namespace

void write_explanation(JsonWriter& out, const Model& model, const Path& path, Output output) {
  out.key("formula").value(output_formula(output));
  out.key("inputs").begin_object();
  switch (output) {
    case Output::cumulative_profit:
    case Output::profit:
    case Output::revenue:
    case Output::customers:
      year_inputs(out, model, path, output);
      break;
    case Output::profit_npv:
      list(out, "profit_by_year", yearly_sum(path.profit, model.step));
      lever(out, model, Lever::discount_rate);
      break;
    case Output::churn:
      lever(out, model, Lever::retention_rate);
      break;
    case Output::cltv:
      margin_inputs(out, model);
      lever(out, model, Lever::retention_rate);
      lever(out, model, Lever::discount_rate);
      break;
    case Output::ltv_cac: {
      const OutputValue cltv = evaluate(model, path, Output::cltv);
      if (cltv.ok()) number(out, "cltv", cltv.value);
      lever(out, model, Lever::cac);
      break;
    }
    case Output::cac_payback_months:
      lever(out, model, Lever::cac);
      number(out, "annual_margin", economics(model).annual_margin);
      break;
    case Output::service_revenue_share: {
      double service = 0, all = 0;
      for (const double v : path.service_revenue) service += v;
      for (const double v : path.revenue) all += v;
      number(out, "service_revenue", service);
      number(out, "revenue", all);
      break;
    }
    default:
      investment_inputs(out, model, output);
  }
  out.end_object();
}

}  // namespace servimetrics::whatif
