// The Gamma-Gamma likelihood of repeat buyers' mean spend, its fit and the expected spend. The
// terms in ln(mean) and ln(x) are summed once, the gammas once per distinct x: what is left per
// customer and evaluation is one log, so BFGS with the gradient fits CDNOW in well under 1 ms.
#include "models/gamma_gamma.hpp"

#include <algorithm>
#include <cmath>

#include "models/special_functions.hpp"

namespace servimetrics::models {
namespace {

// The repeat buyers with a positive mean spend, reduced to what the likelihood needs.
struct SpendData {
  std::vector<double> x, spent;    // per customer: x and x * mean
  std::vector<double> distinct_x;  // the distinct x values ...
  std::vector<double> count_of_x;  // ... and how many customers have each
  double log_mean_sum = 0;         // sum of ln(mean)
  double x_log_mean_sum = 0;       // sum of x ln(mean)
  double x_log_x_sum = 0;          // sum of x ln(x)
};

SpendData spend_data(const CustomerSummaries& c) {
  SpendData d;
  for (std::size_t i = 0; i < c.size(); ++i) {
    const double x = c.x[i], z = c.mean_spend[i];
    if (!(x > 0 && z > 0)) continue;
    d.x.push_back(x);
    d.spent.push_back(x * z);
    d.log_mean_sum += std::log(z);
    d.x_log_mean_sum += x * std::log(z);
    d.x_log_x_sum += x * std::log(x);
  }
  std::vector<double> sorted = d.x;
  std::sort(sorted.begin(), sorted.end());
  for (double x : sorted) {
    if (d.distinct_x.empty() || d.distinct_x.back() != x) {
      d.distinct_x.push_back(x);
      d.count_of_x.push_back(0);
    }
    d.count_of_x.back() += 1;
  }
  return d;
}

// ln L = sum [lnG(px+q) - lnG(px) - lnG(q) + q ln(gamma) + (px-1) ln(mean) + px ln(x)
//             - (px+q) ln(gamma + x mean)], and its gradient in (p, q, gamma) when asked.
double log_likelihood(const GammaGamma& g, const SpendData& d, std::span<double> gradient) {
  const auto [p, q, gamma] = g;
  if (!(p > 0 && q > 0 && gamma > 0)) return NAN;
  const double n = static_cast<double>(d.x.size());
  double total = n * (q * std::log(gamma) - std::lgamma(q)) + p * d.x_log_mean_sum -
                 d.log_mean_sum + p * d.x_log_x_sum;
  double g_p = d.x_log_mean_sum + d.x_log_x_sum, g_q = n * (std::log(gamma) - digamma(q)),
         g_gamma = n * q / gamma;
  const bool with_gradient = !gradient.empty();
  for (std::size_t k = 0; k < d.distinct_x.size(); ++k) {
    const double x = d.distinct_x[k], count = d.count_of_x[k];
    total += count * (std::lgamma(p * x + q) - std::lgamma(p * x));
    if (!with_gradient) continue;
    const double psi_sum = digamma(p * x + q);
    g_p += count * x * (psi_sum - digamma(p * x));
    g_q += count * psi_sum;
  }
  for (std::size_t i = 0; i < d.x.size(); ++i) {
    const double log_base = std::log(gamma + d.spent[i]);
    total -= (p * d.x[i] + q) * log_base;
    if (!with_gradient) continue;
    g_p -= d.x[i] * log_base;
    g_q -= log_base;
    g_gamma -= (p * d.x[i] + q) / (gamma + d.spent[i]);
  }
  if (with_gradient) {
    gradient[0] = g_p;
    gradient[1] = g_q;
    gradient[2] = g_gamma;
  }
  return total;
}

}  // namespace

double gamma_gamma_log_likelihood(const GammaGamma& g, const CustomerSummaries& c) {
  return log_likelihood(g, spend_data(c), {});
}

ModelFit fit_gamma_gamma(const CustomerSummaries& customers) {
  ModelFit fit{.name = "gamma_gamma", .param_names = {"p", "q", "gamma"}};
  const SpendData d = spend_data(customers);
  fit_by_maximum_likelihood(
      fit, {1, 1, 1},
      [&](std::span<const double> v) {
        return -log_likelihood({v[0], v[1], v[2]}, d, {});
      },
      [&](std::span<const double> v, std::span<double> gradient) {
        const double ll = log_likelihood({v[0], v[1], v[2]}, d, gradient);
        for (double& g : gradient) g = -g;
        return -ll;
      },
      d.x.size());
  return fit;
}

double gamma_gamma_expected_spend(const GammaGamma& g, double x, double mean_spend) {
  if (!(x > 0 && mean_spend > 0)) return g.q > 1 ? g.p * g.gamma / (g.q - 1) : NAN;
  return (g.gamma + x * mean_spend) * g.p / (g.p * x + g.q - 1);
}

}  // namespace servimetrics::models
