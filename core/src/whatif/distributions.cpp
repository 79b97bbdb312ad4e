// xoshiro256** and splitmix64 from their published reference code; triangular and normal draws
// with square roots (correctly rounded everywhere) and the core's own logarithm.
#include "whatif/distributions.hpp"

#include <cmath>

#include "whatif/det_math.hpp"

namespace servimetrics::whatif {
namespace {

std::uint64_t rotl(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
  for (std::uint64_t& word : s_) word = splitmix64(seed);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::uniform_open() {
  return (static_cast<double>(next() >> 12) + 0.5) * 0x1.0p-52;
}

double triangular(Rng& rng, double low, double likely, double high) {
  const double width = high - low;
  if (width <= 0) return likely;
  const double u = rng.uniform();
  if (u * width < likely - low) return low + std::sqrt(u * width * (likely - low));
  return high - std::sqrt((1 - u) * width * (high - likely));
}

double standard_normal(Rng& rng) {
  for (;;) {
    const double x = 2 * rng.uniform_open() - 1;
    const double y = 2 * rng.uniform_open() - 1;
    const double s = x * x + y * y;
    if (s > 0 && s < 1) return x * std::sqrt(-2 * det_log(s) / s);
  }
}

}  // namespace servimetrics::whatif
