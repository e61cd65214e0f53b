#include "demo/reviews.h"

#include <array>
#include <string_view>

#include "demo/random.h"

namespace tandem::demo {

namespace {
constexpr std::array<std::string_view, 4> kViews{{
    "Enjoys school more since the new timetable; wants more time with friends at lunch.",
    "Parents would like more help with mornings and getting ready for school.",
    "Wants to try travelling on the bus with a friend next year.",
    "Finds the noise in the dining hall hard; would like a quiet space.",
}};
}  // namespace

Review demo_review(const Plan& plan, const std::string& area_id, const std::string& id, Date meeting, Date today,
                   std::uint64_t seed) {
  Rng rng(seed);
  Review r;
  r.id = id;
  r.area_id = area_id;
  r.plan_id = plan.id;
  r.child_id = plan.child_id;
  r.meeting_on = meeting;
  // Most reviews of children in school are led by the school (reg 21).
  const auto lead = rng.below(10);
  r.lead = lead < 6 ? ReviewLead::school : lead < 7 ? ReviewLead::college : ReviewLead::council;
  r.views = std::string(kViews[static_cast<std::size_t>(rng.below(kViews.size()))]);
  const std::array<double, 5> weights{20, 45, 20, 10, 5};  // achieved ... no longer relevant
  for (const auto& o : plan.outcomes) {
    const auto p = all_progress()[rng.weighted(weights)];
    r.progress.push_back({o.id, o.text, p, p == Progress::not_on_track ? "Provision not yet in place" : ""});
  }
  const auto pick = rng.below(100);
  r.recommendation = pick < 60 ? ReviewDecision::maintain : pick < 95 ? ReviewDecision::amend : ReviewDecision::cease;
  // Four weeks to decide: most recent meetings wait; some older ones slip.
  const int age = static_cast<int>((today - meeting).count());
  const bool decided = age > 28 ? rng.chance(0.85) : rng.chance(0.4);
  if (decided) {
    r.decision = r.recommendation;
    r.decided_on = meeting + std::chrono::days{rng.between(3, std::min(age, 34))};
    if (*r.decided_on > today) r.decided_on = today;
    if (r.decision == ReviewDecision::amend && age > 56 && rng.chance(0.5)) {
      r.amended_plan_issued_on = *r.decided_on + std::chrono::days{rng.between(20, age - 34 > 20 ? age - 34 : 20)};
      if (*r.amended_plan_issued_on > today) r.amended_plan_issued_on = today;
    }
  }
  return r;
}

}  // namespace tandem::demo
