#include "demo/random.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace tandem::demo {

namespace {
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::uint64_t mix64(std::uint64_t a, std::uint64_t b) { return mix64(mix64(a) ^ b); }

Rng::Rng(std::uint64_t seed) {
  // SplitMix64's sequence from `seed`: mix64 adds the step itself.
  std::uint64_t x = seed;
  for (auto& s : s_) {
    s = mix64(x);
    x += 0x9E3779B97F4A7C15ULL;
  }
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

std::uint64_t Rng::below(std::uint64_t n) {
  if (n == 0) throw std::logic_error("Rng::below(0)");
  // Reject the low values that would make `r % n` favour small results.
  const std::uint64_t threshold = (0 - n) % n;
  for (;;) {
    const std::uint64_t r = next();
    if (r >= threshold) return r % n;
  }
}

int Rng::between(int lo, int hi) {
  if (hi < lo) throw std::logic_error("Rng::between: empty range");
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
  return static_cast<int>(lo + static_cast<std::int64_t>(below(span)));
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

bool Rng::chance(double p) { return unit() < p; }

std::size_t Rng::weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  if (weights.empty() || !(total > 0)) throw std::logic_error("Rng::weighted: no positive weight");
  const double target = unit() * total;
  double running = 0;
  std::size_t last_positive = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    running += weights[i];
    last_positive = i;
    if (target < running) return i;
  }
  // Rounding can leave target a hair above the running sum; the last
  // positive weight owns that sliver.
  return last_positive;
}

std::vector<std::size_t> apportion(std::size_t total, std::span<const double> weights) {
  std::vector<std::size_t> counts(weights.size(), 0);
  double sum = 0;
  for (double w : weights) sum += std::max(w, 0.0);
  if (weights.empty() || !(sum > 0)) return counts;
  std::vector<double> remainder(weights.size(), 0);
  std::size_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * std::max(weights[i], 0.0) / sum;
    counts[i] = static_cast<std::size_t>(std::floor(exact));
    remainder[i] = exact - static_cast<double>(counts[i]);
    given += counts[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; given < total; k = (k + 1) % order.size()) {
    if (weights[order[k]] <= 0) continue;
    ++counts[order[k]];
    ++given;
  }
  return counts;
}

}  // namespace tandem::demo
