// A clock for store and app tests: a fixed instant, or noon of a fixed day.
#pragma once

#include <chrono>
#include <cstdint>

#include "app/clock.h"

namespace tandem::testing {

class FixedClock final : public app::Clock {
 public:
  explicit FixedClock(std::int64_t micros = 1'795'000'000'000'000) : now(micros) {}  // 20 November 2026
  std::int64_t now_micros() const override { return now; }
  void set_day(Date d) {
    now = std::chrono::duration_cast<std::chrono::microseconds>(d.time_since_epoch()).count() +
          12 * 3600 * app::kMicrosPerSecond;
  }
  std::int64_t now;
};

}  // namespace tandem::testing
