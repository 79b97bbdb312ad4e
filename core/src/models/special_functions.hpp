// Special functions of the customer-base models: log-beta, the Gauss hypergeometric function 2F1
// and the discounted survival integral of the Pareto/NBD's DERL.
#pragma once

namespace servimetrics::models {

double log_beta(double a, double b);
// The digamma function psi(x) = d/dx ln Gamma(x), x > 0: the recurrence up to x >= 6, then the
// asymptotic series (error below 1e-14).
double digamma(double x);

// 2F1(a, b; c; z) as sign * exp(log_magnitude); converged is false when the series did not settle
// (|z| >= 1 after the transformations, c a non-positive integer, or too many terms).
struct Hyp2f1 {
  double log_magnitude = 0;
  double sign = 1;
  bool converged = true;
  [[nodiscard]] double value() const;
};
Hyp2f1 hyp2f1(double a, double b, double c, double z);

// ln of the integral over [lo, hi] of (a + t)^(-p) (b + t)^(-q) dt, for a, b > 0 and 0 <= lo < hi
// (-inf when lo >= hi): the Pareto/NBD's A0 as an integral, for when 2F1's series is slow. Gauss-
// Legendre on w = ln(min(a, b) + t), where the integrand is exp of a concave function with bounded
// slope and curvature, on panels short enough for 16 nodes to reach double precision.
double log_power_product_integral(double p, double a, double q, double b, double lo, double hi);
// The integral over [0, inf) of exp(-z u) (1 + u)^(-s) du, z > 0: with u = t / (beta + T) and
// z = delta (beta + T) it is the Pareto/NBD's discounted survival of a customer alive at T.
// Equals z^(s-1) U(s, s, z) (Tricomi's U, Fader, Hardie & Lee 2005 "RFM and CLV", eq. 2).
double discounted_survival_integral(double s, double z);

}  // namespace servimetrics::models
