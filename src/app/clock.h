// Time comes in through this interface so rules and tests stay deterministic.
#pragma once

#include <chrono>
#include <cstdint>

#include "core/date.h"

namespace tandem::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_micros() const = 0;  // microseconds since the Unix epoch, UTC
  Date today() const {
    return std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(now_micros())));
  }
};

class SystemClock final : public Clock {
 public:
  std::int64_t now_micros() const override {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;

}  // namespace tandem::app
