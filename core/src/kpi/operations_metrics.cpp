// Service-operations KPIs that are more than a plain share: savings and value of lower churn.
#include "kpi/metrics.hpp"

namespace servimetrics {

double cac_savings(double cac_before, double cac_after, double new_customers_per_year) {
  return (cac_before - cac_after) * new_customers_per_year;
}

double churn_reduction_value(double customers, double churn_before, double churn_after,
                             double annual_revenue_per_customer) {
  return customers * (churn_before - churn_after) * annual_revenue_per_customer;
}

}  // namespace servimetrics
