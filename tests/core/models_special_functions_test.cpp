// 2F1 against closed forms (Abramowitz & Stegun 15.1.3, 15.1.8, 15.1.6), across the Euler and Pfaff
// transformations, and the discounted survival integral against its closed forms at s = 0, 1, 2.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "models/special_functions.hpp"

namespace {

using namespace servimetrics::models;

TEST(ModelsSpecialFunctions, Hyp2f1MatchesClosedForms) {
  for (double z : {-0.95, -0.6, -0.3, 0.0, 0.2, 0.5, 0.75, 0.9, 0.99, 0.999}) {
    SCOPED_TRACE(z);
    // 2F1(1, 1; 2; z) = -ln(1 - z) / z
    const double log_form = z == 0 ? 1 : -std::log1p(-z) / z;
    const Hyp2f1 f = hyp2f1(1, 1, 2, z);
    EXPECT_TRUE(f.converged);
    EXPECT_NEAR(f.value(), log_form, 1e-12 * log_form);
    // 2F1(a, b; b; z) = (1 - z)^-a
    EXPECT_NEAR(hyp2f1(2.5, 0.7, 0.7, z).value(), std::pow(1 - z, -2.5),
                1e-11 * std::pow(1 - z, -2.5));
  }
  // 2F1(1/2, 1/2; 3/2; x^2) = asin(x) / x
  for (double x : {0.1, 0.5, 0.9, 0.99}) {
    EXPECT_NEAR(hyp2f1(0.5, 0.5, 1.5, x * x).value(), std::asin(x) / x, 1e-11);
  }
  // 2F1(a, b; c; 1-) with c - a - b > 0 tends to Gauss's G(c)G(c-a-b)/(G(c-a)G(c-b)).
  const double gauss = std::tgamma(5.0) * std::tgamma(1.5) / (std::tgamma(3.0) * std::tgamma(3.5));
  EXPECT_NEAR(hyp2f1(2, 1.5, 5, 1 - 1e-9).value(), gauss, 1e-6);
}

TEST(ModelsSpecialFunctions, Hyp2f1RefusesWhatHasNoSeries) {
  EXPECT_FALSE(hyp2f1(1, 1, 2, 1.0).converged);
  EXPECT_FALSE(hyp2f1(1, 1, 2, 1.5).converged);
  EXPECT_FALSE(hyp2f1(1, 1, -2, 0.5).converged);
  EXPECT_FALSE(hyp2f1(1, 1, 2, NAN).converged);
}

TEST(ModelsSpecialFunctions, LargeParametersDoNotOverflow) {
  // The BG/NBD's 2F1(r+x, b+x; a+b+x-1; z) for a customer with 300 purchases near z = 1.
  const Hyp2f1 f = hyp2f1(300.2, 302.4, 301.2, 0.97);
  EXPECT_TRUE(f.converged);
  EXPECT_TRUE(std::isfinite(f.log_magnitude));
  EXPECT_GT(f.log_magnitude, 700);  // beyond a double: only its log is finite
}

TEST(ModelsSpecialFunctions, DiscountedSurvivalIntegral) {
  const double e1_of_1 = 0.21938393439552027;  // E1(1), A&S Table 5.1
  EXPECT_NEAR(discounted_survival_integral(0, 0.3), 1 / 0.3, 1e-9);
  EXPECT_NEAR(discounted_survival_integral(1, 1), std::exp(1.0) * e1_of_1, 1e-10);
  EXPECT_NEAR(discounted_survival_integral(2, 1), 1 - std::exp(1.0) * e1_of_1, 1e-10);
  // Small z (weekly discounting): s = 0 is 1 / z still.
  EXPECT_NEAR(discounted_survival_integral(0, 0.01), 100, 1e-6);
}

}  // namespace

namespace {

// The Pareto/NBD's A0 as an integral against closed forms and against 2F1 where its series is
// quick.
TEST(ModelsSpecialFunctions, PowerProductIntegral) {
  // a = b: the integral of (a+t)^-(p+q) is [(a+lo)^(1-p-q) - (a+hi)^(1-p-q)] / (p+q-1).
  const double closed = (std::pow(2.0, -2.5) - std::pow(41.0, -2.5)) / 2.5;
  EXPECT_NEAR(std::exp(log_power_product_integral(1.2, 2, 2.3, 2, 0, 39)), closed, 1e-14 * closed);
  // q = 0 and p = 1: ln((a+hi)/(a+lo)).
  EXPECT_NEAR(std::exp(log_power_product_integral(1, 1e-6, 0, 5, 0, 30)), std::log(30 / 1e-6 + 1),
              1e-12 * std::log(30 / 1e-6));
  // (p+q-1) times the integral over [t, inf) is 2F1(p+q-1, p; p+q; (b-a)/(b+t)) / (b+t)^(p+q-1)
  // for b > a: the difference at lo and hi, including z = 0.95 where the series is slow.
  for (const auto [p, a, q, b] :
       {std::array{0.55, 10.0, 1.6, 11.7}, std::array{3.2, 1.0, 1.1, 20.0},
        std::array{0.3, 0.5, 2.4, 9.0}}) {
    const double rsx = p + q - 1;
    // Plain copies: clang 14 cannot capture structured bindings.
    const auto piece = [rsx, p_ = p, a_ = a, b_ = b](double t) {
      return hyp2f1(rsx, p_, rsx + 1, (b_ - a_) / (b_ + t)).value() / std::pow(b_ + t, rsx);
    };
    for (const auto [lo, hi] :
         {std::array{0.0, 39.0}, std::array{12.5, 13.0}, std::array{0.0, 1e4}}) {
      const double expected = (piece(lo) - piece(hi)) / rsx;
      EXPECT_NEAR(std::exp(log_power_product_integral(p, a, q, b, lo, hi)), expected,
                  1e-11 * expected)
          << p << " " << a << " " << q << " " << b << " [" << lo << ", " << hi << "]";
      // The rule is symmetric in (p, a) and (q, b).
      EXPECT_DOUBLE_EQ(log_power_product_integral(p, a, q, b, lo, hi),
                       log_power_product_integral(q, b, p, a, lo, hi));
    }
  }
  EXPECT_EQ(log_power_product_integral(1, 1, 1, 1, 5, 5), -INFINITY);
}

}  // namespace
