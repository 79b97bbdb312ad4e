// One CLV horizon for both count models: the Pareto/NBD's discounted purchases are the same monthly
// sum over clv_years as the BG/NBD's (against an independent numeric integration of its purchase
// rate), and on a customer base where both fits agree (nobody leaves) the base values agree too.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "models/count_predictor.hpp"
#include "models/pareto_nbd.hpp"
#include "servimetrics/models.hpp"

namespace {

using nlohmann::json;
using namespace servimetrics::models;

// The reference, from the model's story rather than the closed forms: alive at T, the purchase
// rate's posterior mean is (r+x)/(alpha+T) and the chance of still being alive u later is
// ((beta+T)/(beta+T+u))^s; month k's purchases, integrated by Simpson's rule on 64 panels, are
// discounted (1 + rate)^-(k/12) at its end, over clv_years.
double reference_discounted(const ParetoNbd& p, double x, double t_x, double T, double month,
                            double years, double rate) {
  const double alive = pareto_nbd_customer(p, x, t_x, T).p_alive;
  const auto still_alive = [&](double u) { return std::pow((p.beta + T) / (p.beta + T + u), p.s); };
  double total = 0;
  for (int k = 1; k <= static_cast<int>(years * 12); ++k) {
    const double lo = (k - 1) * month, h = month / 64;
    double integral = still_alive(lo) + still_alive(lo + month);
    for (int i = 1; i < 64; ++i) integral += (i % 2 ? 4 : 2) * still_alive(lo + i * h);
    total += integral * h / 3 * std::pow(1 + rate, -k / 12.0);
  }
  return alive * (p.r + x) / (p.alpha + T) * total;
}

TEST(ModelsClvHorizon, ParetoNbdValueIsTheMonthlySumOverTheYears) {
  const ParetoNbd published{0.553, 10.578, 0.606, 11.669};  // CDNOW, Fader & Hardie's note
  for (double years : {1.0, 10.0}) {
    for (double rate : {0.0, 0.1, 0.3}) {
      ModelsOptions o;
      o.clv_years = years;
      o.discount_rate = rate;
      CountPredictor predict("pareto_nbd", {0.553, 10.578, 0.606, 11.669}, o, 52);
      for (auto [x, t_x, T] :
           {std::tuple{0.0, 0.0, 38.86}, {2.0, 30.43, 38.86}, {7.0, 35, 38.86}, {1.0, 2, 32}}) {
        const double want =
            reference_discounted(published, x, t_x, T, 365.25 / 7 / 12, years, rate);
        EXPECT_NEAR(predict(x, t_x, T).discounted, want, 1e-7 * want)
            << "x " << x << " T " << T << " years " << years << " rate " << rate;
      }
    }
  }
}

// Purchases at a gamma(r, alpha)-distributed Poisson rate and nobody leaving; each purchase's value
// gamma(6) with a customer's own scale; times in whole weeks (as a weekly summary has them, and few
// distinct (x, t_x) pairs keep the Pareto/NBD's fit quick). Both count models describe it with
// their drop-out switched off, so they fit the same r and alpha.
json no_one_leaves(int n) {
  std::mt19937_64 random(20261207);
  std::gamma_distribution<double> rate(0.8, 1 / 8.0), scale(4, 1 / 4.0), spend(6, 1);
  std::uniform_real_distribution<double> unit(0, 1);
  json x = json::array(), t_x = json::array(), T = json::array(), mean = json::array();
  for (int i = 0; i < n; ++i) {
    const double lambda = rate(random), nu = scale(random),
                 age = std::floor(52 + 26 * unit(random));
    double t = 0, count = 0, last = 0, total = 0;  // t from the first purchase
    for (;;) {
      t += -std::log1p(-unit(random)) / lambda;
      if (t > age) break;
      count += 1;
      last = t;
      total += 5 * spend(random) * nu;
    }
    x.push_back(count);
    t_x.push_back(std::floor(last));
    T.push_back(age);
    mean.push_back(count > 0 ? total / count : 0);
  }
  return {{"x", x}, {"t_x", t_x}, {"T", T}, {"mean_spend", mean}};
}

TEST(ModelsClvHorizon, BothModelsValueTheSameBaseAlike) {
  const json answer =
      servimetrics::fit_models(json{{"customers", no_one_leaves(3000)},
                                    {"models", {"bg_nbd", "pareto_nbd", "gamma_gamma"}},
                                    {"customer_rows", 0},
                                    {"clv_years", 10},
                                    {"discount_rate", 0.1}});
  ASSERT_TRUE(answer["errors"].empty()) << answer["errors"].dump();
  ASSERT_EQ(answer["base"].size(), 2u) << answer["models"].dump();
  EXPECT_EQ(answer["clv_years"], 10);
  EXPECT_EQ(answer["discount_rate"], 0.1);
  const json& bg = answer["models"][0]["params"];
  const json& pareto = answer["models"][1]["params"];
  std::printf("BG/NBD %s\nPareto/NBD %s\n", bg.dump().c_str(), pareto.dump().c_str());
  EXPECT_NEAR(bg["r"].get<double>(), pareto["r"].get<double>(), 0.05 * pareto["r"].get<double>());
  const double bg_value = answer["base"][0]["value"], pareto_value = answer["base"][1]["value"];
  std::printf("base value over 10 years: BG/NBD %.0f, Pareto/NBD %.0f\n", bg_value, pareto_value);
  EXPECT_GT(bg_value, 0);
  EXPECT_NEAR(bg_value, pareto_value, 0.02 * pareto_value);
}

}  // namespace
