// A seeded pseudo-random generator with its own distributions, so a demo area
// is byte-identical on every machine.
//
// The standard library fixes its engines' output but not its distributions:
// std::uniform_int_distribution and friends may give different numbers under
// libstdc++, libc++ and MSVC for the same seed. Everything here is plain integer
// arithmetic (and IEEE double arithmetic with no library calls), so a seed means
// the same area everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace tandem::demo {

// SplitMix64's finaliser: mixes a 64-bit value into a well-spread one. Used to
// derive independent streams (one per child, one per purpose) from one seed,
// so adding a field to one child does not reshuffle every other child.
std::uint64_t mix64(std::uint64_t x);
std::uint64_t mix64(std::uint64_t a, std::uint64_t b);

// xoshiro256** (Blackman and Vigna), seeded through SplitMix64 as its authors
// recommend.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next();
  // Uniform in [0, n); n must be at least 1. Exact (rejection sampling).
  std::uint64_t below(std::uint64_t n);
  // Uniform in [lo, hi], inclusive; lo <= hi.
  int between(int lo, int hi);
  // Uniform in [0, 1) with 53 random bits.
  double unit();
  // True with probability p.
  bool chance(double p);
  // Index i with probability weights[i] / sum(weights). Weights are
  // non-negative with a positive sum.
  std::size_t weighted(std::span<const double> weights);

  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      const auto j = static_cast<std::size_t>(below(i));
      std::swap(v[i - 1], v[j]);
    }
  }

 private:
  std::uint64_t s_[4];
};

// Splits `total` into whole counts in proportion to `weights`, by largest
// remainder (ties to the lower index), so the counts always add up to total.
std::vector<std::size_t> apportion(std::size_t total, std::span<const double> weights);

}  // namespace tandem::demo
