#include "demo/appeals.h"

#include "demo/random.h"

namespace tandem::demo {

namespace {

constexpr std::uint64_t kStream = 0xa99e'a150'0000'0001ULL;
// Families appeal roughly one refusal in six and a small share of final
// plans (DfE, SEND tribunal statistics: appeals are a few per cent of
// appealable decisions, most against refusals and plan contents).
constexpr double kRefusalAppealed = 1.0 / 6.0;
constexpr double kPlanAppealed = 1.0 / 80.0;

// Moves the appeal on from registration as the time since allows.
Appeal progress(Appeal a, Rng& rng, Date today, std::size_t& orders) {
  const int age = static_cast<int>((today - a.registered_on).count());
  // Hearings are listed about 12 to 20 weeks after registration.
  const Date hearing = a.registered_on + std::chrono::days{rng.between(84, 140)};
  a.hearing_on = hearing;
  if (hearing > today) {
    // Some settle before the hearing.
    if (age > 60 && rng.chance(0.15)) {
      const Date on = a.registered_on + std::chrono::days{rng.between(30, age)};
      a = *record_outcome(a, rng.chance(0.5) ? AppealOutcome::withdrawn : AppealOutcome::conceded, on, today);
    }
  } else {
    const auto pick = rng.below(100);
    const AppealOutcome outcome = pick < 75   ? AppealOutcome::upheld
                                  : pick < 90 ? AppealOutcome::dismissed
                                              : AppealOutcome::withdrawn;
    a = *record_outcome(a, outcome, hearing, today);
  }
  if (a.outcome == AppealOutcome::upheld || a.outcome == AppealOutcome::conceded) {
    OrderKind kind = OrderKind::amend_plan;
    if (a.decision == AppealedDecision::refusal_to_assess) kind = OrderKind::assess;
    if (a.decision == AppealedDecision::refusal_to_issue) kind = OrderKind::make_plan;
    if (a.decision == AppealedDecision::cease) kind = OrderKind::continue_to_maintain;
    const Date made = *a.outcome_on;
    auto ordered = add_order(a, a.id + "-or" + std::to_string(++orders), kind, made, today);
    if (ordered) {
      a = *ordered;
      const Date last = order_deadlines(a.orders.back()).back().due.date;
      // Most councils comply in time; some are late, and some are still going.
      const auto c = rng.below(100);
      Date complied =
          c < 70
              ? made + std::chrono::days{std::max<int>(0, static_cast<int>((last - made).count()) - rng.between(0, 10))}
              : last + std::chrono::days{rng.between(3, 40)};
      if (complied <= today && c < 90) a = *record_compliance(a, a.orders.back().id, complied, today);
    }
  }
  return a;
}

}  // namespace

std::vector<Appeal> generate_appeals(const std::vector<Assessment>& assessments, const std::vector<Plan>& plans,
                                     const AppealOptions& o) {
  std::vector<Appeal> out;
  std::size_t orders = 0;
  auto make = [&](const std::string& child, AppealedDecision decision, Date notice, Rng& rng) {
    AppealInput in;
    in.id = o.id_prefix + "ap-" + std::to_string(out.size() + 1);
    in.area_id = o.area_id;
    in.child_id = child;
    in.decision = decision;
    in.decision_notice_on = notice;
    in.registered_on = notice + std::chrono::days{rng.between(20, 58)};
    if (*in.registered_on > o.today) return;
    auto a = open_appeal(in, o.today);
    if (!a) return;
    out.push_back(progress(std::move(*a), rng, o.today, orders));
  };
  for (std::size_t i = 0; i < assessments.size(); ++i) {
    const auto& a = assessments[i];
    Rng rng(mix64(o.seed, mix64(kStream, i)));
    if (a.decided_on && !a.assess && rng.chance(kRefusalAppealed)) {
      make(a.child_id, AppealedDecision::refusal_to_assess, *a.decided_on, rng);
    } else if (a.not_to_issue_on && rng.chance(kRefusalAppealed)) {
      make(a.child_id, AppealedDecision::refusal_to_issue, *a.not_to_issue_on, rng);
    }
  }
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto& p = plans[i];
    if (p.stage != PlanStage::final) continue;
    Rng rng(mix64(o.seed, mix64(kStream ^ 0xffULL, i)));
    if (!rng.chance(kPlanAppealed)) continue;
    // Appeals against a plan's contents follow the final plan or its last amendment.
    make(p.child_id, AppealedDecision::plan_contents, o.today - std::chrono::days{rng.between(60, 400)}, rng);
  }
  return out;
}

}  // namespace tandem::demo
