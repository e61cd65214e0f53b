// The top-up schedule read from memory (app/top_up_cache.h) against worked out
// afresh on every request, on a demo area in SQLite, in one run:
//
//   build/bench/top_up_schedule_bench [--plans=5000]
//
// BM_Rebuilt reads every final plan with a top-up, the placements in the term
// and the term's payments, and settles them: what every request did before the
// cache. BM_Cached reads the area's two change tokens and takes the schedule
// kept in memory. The ratio of their times is what the cache saves.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include <unistd.h>

#include "app/clock.h"
#include "app/demo_area.h"
#include "app/top_up_cache.h"
#include "app/top_ups.h"
#include "profile/school_terms.h"
#include "store/database.h"

namespace {

using namespace tandem;

struct Area {
  std::unique_ptr<store::Database> db;
  std::string area_id;
  TermCalendar calendar;
  FundingTerm term;
  std::size_t children = 0;
  std::size_t settings = 0;
};

std::size_t plans_asked = 5'000;

Area& area() {
  static Area a = [] {
    const auto dir = std::filesystem::temp_directory_path() / ("tandem-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    Area out;
    out.db = store::Database::open("sqlite:" + (dir / "bench.db").string(), 4);
    out.db->migrate();
    app::SystemClock clock;
    app::DemoRequest request;
    request.plans = plans_asked;
    const auto started = std::chrono::steady_clock::now();
    auto summary = app::build_demo_area(*out.db, clock, request);
    if (!summary) {
      std::cerr << "the demo area did not build: " << summary.error().first_message() << "\n";
      std::exit(1);
    }
    out.area_id = summary->area_id;
    out.calendar = term_calendar_for_area(out.area_id);
    out.term = funding_term_of(out.calendar, clock.today());
    std::shared_ptr<const app::TopUpSchedule> s;
    out.db->read([&](store::Tx& tx) { s = app::build_top_up_schedule(tx, out.area_id, out.calendar, out.term); });
    out.children = s->children;
    out.settings = s->settings.size();
    std::cerr << "demo area: " << summary->plans << " plans, built in "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s; "
              << out.term.label() << ": " << out.settings << " settings, " << out.children << " children\n";
    return out;
  }();
  return a;
}

void BM_Rebuilt(benchmark::State& state) {
  Area& a = area();
  for (auto _ : state) {
    std::shared_ptr<const app::TopUpSchedule> s;
    a.db->read([&](store::Tx& tx) { s = app::build_top_up_schedule(tx, a.area_id, a.calendar, a.term); });
    benchmark::DoNotOptimize(s);
  }
  state.counters["children"] = static_cast<double>(a.children);
}

void BM_Cached(benchmark::State& state) {
  Area& a = area();
  app::TopUpCache cache;
  cache.schedule(*a.db, a.area_id, a.calendar, a.term);  // built once, as the first request would
  for (auto _ : state) benchmark::DoNotOptimize(cache.schedule(*a.db, a.area_id, a.calendar, a.term));
  state.counters["children"] = static_cast<double>(a.children);
  state.counters["builds"] = static_cast<double>(cache.builds());
}

BENCHMARK(BM_Rebuilt)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Cached)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("--plans=")) plans_asked = std::stoul(arg.substr(8));
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::filesystem::remove_all(std::filesystem::temp_directory_path() / ("tandem-bench-" + std::to_string(::getpid())));
  return 0;
}
