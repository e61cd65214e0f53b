#include "core/outcome_counts.h"

#include <set>

namespace tandem {

int ProgressCounts::reviewed() const {
  int n = 0;
  for (int c : by_progress) n += c;
  return n;
}

int ProgressCounts::percent_achieved_or_on_track() const {
  const int relevant = reviewed() - by_progress[static_cast<std::size_t>(Progress::no_longer_relevant)];
  if (relevant <= 0) return -1;
  const int good = by_progress[static_cast<std::size_t>(Progress::achieved)] +
                   by_progress[static_cast<std::size_t>(Progress::on_track)];
  return (good * 100 + relevant / 2) / relevant;
}

namespace {

void add(ProgressCounts& c, const std::map<std::string, Progress>& progress, const std::string& outcome_id) {
  const auto it = progress.find(outcome_id);
  if (it == progress.end()) {
    ++c.not_yet_reviewed;
  } else {
    ++c.by_progress[static_cast<std::size_t>(it->second)];
  }
}

}  // namespace

OutcomeCounts count_outcomes(const std::vector<ReviewedPlan>& plans) {
  OutcomeCounts out;
  for (const auto& rp : plans) {
    if (!rp.plan || rp.plan->stage != PlanStage::final) continue;
    std::set<std::string> outcomes_of_plan;
    for (const auto& o : rp.plan->outcomes) outcomes_of_plan.insert(o.id);
    std::set<std::pair<std::string, std::string>> by_provider, by_category;  // (key, outcome) counted once
    std::set<std::string> served;
    for (const auto& line : rp.plan->provision) {
      for (const auto& outcome : line.outcome_ids) {
        if (!outcomes_of_plan.contains(outcome)) continue;  // a stale link to a removed outcome
        served.insert(outcome);
        if (!line.provider.name.empty() && by_provider.insert({line.provider.name, outcome}).second) {
          add(out.by_provider[line.provider.name], rp.progress, outcome);
        }
        if (!line.category.empty() && by_category.insert({line.category, outcome}).second) {
          add(out.by_category[line.category], rp.progress, outcome);
        }
      }
    }
    for (const auto& outcome : served) add(out.all, rp.progress, outcome);
  }
  return out;
}

}  // namespace tandem
