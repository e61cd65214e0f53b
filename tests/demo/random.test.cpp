#include "demo/random.h"

#include <numeric>

#include <gtest/gtest.h>

namespace tandem::demo {
namespace {

// Pinned outputs guard the promise that a seed means the same area on every
// machine: SplitMix64's published first output for state 0, and xoshiro256**
// from seed 42 as computed by an independent implementation of both algorithms.
TEST(Rng, MatchesTheReferenceAlgorithms) {
  EXPECT_EQ(mix64(0), 0xe220a8397b1dcdafULL);
  Rng rng(42);
  EXPECT_EQ(rng.next(), 0x15780b2e0c2ec716ULL);
  EXPECT_EQ(rng.next(), 0x6104d9866d113a7eULL);
  EXPECT_EQ(rng.next(), 0xae17533239e499a1ULL);
}

TEST(Rng, DrawsStayInRange) {
  Rng rng(7);
  for (int i = 0; i < 10000; ++i) {
    EXPECT_LT(rng.below(3), 3u);
    const int v = rng.between(-2, 2);
    EXPECT_GE(v, -2);
    EXPECT_LE(v, 2);
    const double u = rng.unit();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
}

TEST(Rng, WeightedPickNeverChoosesAZeroWeight) {
  Rng rng(9);
  const std::vector<double> w{0, 3, 0, 1};
  std::array<int, 4> seen{};
  for (int i = 0; i < 4000; ++i) ++seen[rng.weighted(w)];
  EXPECT_EQ(seen[0], 0);
  EXPECT_EQ(seen[2], 0);
  EXPECT_NEAR(seen[1] / 4000.0, 0.75, 0.03);
}

TEST(Apportion, SplitsByLargestRemainderAndAddsUp) {
  EXPECT_EQ(apportion(10, std::vector<double>{1, 1, 1}), (std::vector<std::size_t>{4, 3, 3}));
  EXPECT_EQ(apportion(7, std::vector<double>{0.5, 0, 0.5}), (std::vector<std::size_t>{4, 0, 3}));
  const std::vector<double> shares{0.417, 0.372, 0.108, 0.056, 0.047};
  const auto counts = apportion(1524, shares);
  EXPECT_EQ(std::accumulate(counts.begin(), counts.end(), std::size_t{0}), 1524u);
  EXPECT_EQ(apportion(5, std::vector<double>{0, 0}), (std::vector<std::size_t>{0, 0}));
}

}  // namespace
}  // namespace tandem::demo
