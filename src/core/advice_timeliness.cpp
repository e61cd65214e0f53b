#include "core/advice_timeliness.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace tandem {

int ProviderAdvice::percent_on_time() const {
  const int due = returned_on_time + returned_late + overdue;
  if (due == 0) return -1;
  // Rounded half up, as the 20-week rate is.
  return (returned_on_time * 200 + due) / (due * 2);
}

namespace {

struct Tally {
  ProviderAdvice counts;
  std::vector<int> days_to_return;
};

void add(Tally& t, StepStatus status, int days_to_return, int days_late) {
  auto& c = t.counts;
  switch (status) {
    case StepStatus::done_on_time: ++c.returned_on_time; break;
    case StepStatus::done_late: ++c.returned_late; break;
    case StepStatus::exception_applies: ++c.excused; break;
    case StepStatus::overdue:
      ++c.overdue;
      c.longest_overdue_days = std::max(c.longest_overdue_days, days_late);
      break;
    case StepStatus::on_time:
    case StepStatus::at_risk: ++c.in_time; break;
  }
  if (days_to_return >= 0) t.days_to_return.push_back(days_to_return);
}

int median(std::vector<int>& v) {
  if (v.empty()) return -1;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  const int upper = *mid;
  const int lower = *std::max_element(v.begin(), mid);
  return (lower + upper + 1) / 2;
}

}  // namespace

AdviceTimeliness advice_timeliness(const std::vector<Assessment>& assessments, Date from, Date to) {
  AdviceTimeliness out;
  out.from = from;
  out.to = to;
  std::map<std::pair<std::string, Agency>, Tally> by_provider;
  Tally all;
  for (const auto& a : assessments) {
    std::vector<ClockException> exceptions;
    for (const auto& e : a.exceptions) exceptions.push_back(e.exception);
    for (const auto& r : a.advice) {
      if (r.reused || r.requested_on > to) continue;
      // As it stood on `to`: advice that came back later was still out then.
      const std::optional<Date> back = r.received_on && *r.received_on <= to ? r.received_on : std::nullopt;
      const bool outstanding = !back;
      if (r.requested_on < from && !outstanding) continue;
      if (back && *back < r.requested_on) continue;  // impossible dates are refused on entry
      const auto state = step_status(ClockStep::advice, r.requested_on, back, to, 0, exceptions);
      if (!state) continue;
      const int days_to_return = back ? static_cast<int>((*back - r.requested_on).count()) : -1;
      const int days_late =
          state->status == StepStatus::overdue ? static_cast<int>((to - state->deadline.date).count()) : 0;
      auto& t = by_provider[{r.provider, r.agency}];
      t.counts.provider = r.provider;
      t.counts.agency = r.agency;
      add(t, state->status, days_to_return, days_late);
      add(all, state->status, days_to_return, days_late);
      if (state->status == StepStatus::overdue) {
        out.overdue.push_back(
            {a.id, a.child_id, r.id, r.kind, r.provider, r.agency, r.requested_on, state->deadline.date, days_late});
      }
    }
  }
  for (auto& [key, t] : by_provider) {
    t.counts.median_days_to_return = median(t.days_to_return);
    out.providers.push_back(t.counts);
  }
  all.counts.median_days_to_return = median(all.days_to_return);
  out.all = all.counts;
  std::stable_sort(out.providers.begin(), out.providers.end(), [](const ProviderAdvice& x, const ProviderAdvice& y) {
    const int px = x.percent_on_time() < 0 ? 101 : x.percent_on_time();
    const int py = y.percent_on_time() < 0 ? 101 : y.percent_on_time();
    return std::tie(y.overdue, px, x.provider) < std::tie(x.overdue, py, y.provider);
  });
  std::stable_sort(out.overdue.begin(), out.overdue.end(), [](const OverdueAdvice& x, const OverdueAdvice& y) {
    return std::tie(y.days_late, x.provider, x.assessment_id) < std::tie(x.days_late, y.provider, y.assessment_id);
  });
  return out;
}

}  // namespace tandem
