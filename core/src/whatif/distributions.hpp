// A seeded random number generator and the two distributions a lever's range can take (internal).
#pragma once

#include <cstdint>

namespace servimetrics::whatif {

// xoshiro256** (Blackman and Vigna 2018) seeded through splitmix64: the same stream for a seed
// on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t next();
  double uniform();       // [0, 1) with 53 random bits
  double uniform_open();  // (0, 1)

 private:
  std::uint64_t s_[4];
};

// low <= likely <= high; by the inverse of its distribution function.
double triangular(Rng& rng, double low, double likely, double high);
// A standard normal draw by Marsaglia's polar method.
double standard_normal(Rng& rng);

}  // namespace servimetrics::whatif
