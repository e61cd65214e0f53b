#include "app/ceasing.h"

#include <algorithm>
#include <map>

#include "app/crypto.h"
#include "app/form_values.h"
#include "app/letter_writer.h"
#include "store/appeals.h"
#include "store/assessments.h"
#include "store/audit.h"
#include "store/cessations.h"
#include "store/plans.h"

namespace tandem::app {

namespace {

// The family's appeal against this decision to cease, if they made one:
// among the child's appeals, newest first, the first against ceasing made
// after this decision.
std::optional<Appeal> appeal_against(const std::vector<Appeal>& newest_first, const Cessation& c) {
  for (const auto& a : newest_first) {
    if (a.decision == AppealedDecision::cease && a.decision_notice_on >= c.decided_on) return a;
  }
  return std::nullopt;
}

std::optional<Appeal> appeal_against(store::Tx& tx, const std::string& area_id, const std::string& child_id,
                                     const Cessation& c) {
  std::vector<Appeal> appeals;
  for (auto& a : store::appeals_of_child(tx, area_id, child_id)) appeals.push_back(std::move(a.appeal));
  return appeal_against(appeals, c);
}

}  // namespace

std::set<std::string> plans_ended_by(store::Tx& tx, const std::string& area_id, Date today) {
  const auto transferred = store::plans_transferred_by(tx, area_id, today);
  std::set<std::string> out = plans_ceased_by(tx, area_id, today);
  out.insert(transferred.begin(), transferred.end());
  return out;
}

std::set<std::string> plans_ceased_by(store::Tx& tx, const std::string& area_id, Date today) {
  std::set<std::string> out;
  const auto cessations = store::cessations_in_area(tx, area_id);
  if (cessations.empty()) return out;
  // One read of the area's appeals against ceasing, not one per plan: the
  // outcomes report, contracts and the reviews list ask on every request.
  std::map<std::string, std::vector<Appeal>> appeals;
  for (auto& a : store::appeals_against_ceasing(tx, area_id)) appeals[a.appeal.child_id].push_back(std::move(a.appeal));
  static const std::vector<Appeal> kNone;
  for (const auto& c : cessations) {
    const auto it = appeals.find(c.child_id);
    const auto appeal = appeal_against(it == appeals.end() ? kNone : it->second, c.cessation);
    const auto ends = plan_ends_on(c.cessation, appeal);
    if (ends && *ends < today) out.insert(c.plan_id);
  }
  return out;
}

std::variant<Ceased, Refused, Error> cease_plan(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                                                const CeaseForm& form) {
  std::optional<store::StoredPlan> plan;
  store::PlanDates dates;
  std::optional<Cessation> existing;
  s.db.read([&](store::Tx& tx) {
    plan = store::find_plan(tx, user.area_id, plan_id);
    if (!plan) return;
    dates = store::plan_review_dates(tx, plan_id);
    existing = store::find_cessation(tx, user.area_id, plan_id);
  });
  if (!plan) return Refused{404, "There is no plan with that reference in your area."};
  auto child = child_for(s, user, plan->plan.child_id, "POST /plans/" + plan_id + "/cease");
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  if (plan->plan.stage != PlanStage::final) return Error("plan", "Only a final plan is ceased; a draft is withdrawn");
  if (existing) return Error("plan", "The decision to cease this plan is already recorded");
  std::vector<FieldError> errors;
  CessationInput in;
  in.reason = parse_cease_reason(form.reason);
  in.consulted_on = optional_date("consulted_on", form.consulted_on, errors);
  in.decided_on = optional_date("decided_on", form.decided_on, errors);
  in.left_education_on = optional_date("left_education_on", form.left_education_on, errors);
  in.reasons = form.reasons;
  const Child& c = std::get<Child>(child);
  auto decided = decide_to_cease(in, c.date_of_birth, dates.last_reviewed_on, s.clock.today());
  if (!decided) {
    for (const auto& e : decided.error().fields) {
      const bool already =
          std::any_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; });
      if (!already) errors.push_back(e);
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  auto letter = letter_to_cease(*decided, c, user, plan_id, now, capacity_of(s, user, c.id));
  if (!letter) return letter.error();
  s.db.write([&](store::Tx& tx) {
    store::insert_letter(tx, *letter);
    store::insert_cessation(tx, user.area_id, plan_id, c.id, *decided, letter->id, user.user_id, now);
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "plan.cease", "plan", plan_id, c.id,
                             std::string(to_string(decided->reason)) + " decided " + format_date(decided->decided_on) +
                                 "; letter " + letter->id,
                             ""});
  });
  return Ceased{*decided, letter->id};
}

std::optional<CessationView> cessation_of(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                                          const std::string& child_id) {
  std::optional<CessationView> out;
  s.db.read([&](store::Tx& tx) {
    auto c = store::find_cessation(tx, user.area_id, plan_id);
    if (!c) return;
    auto appeal = appeal_against(tx, user.area_id, child_id, *c);
    out = CessationView{*c, plan_ends_on(*c, appeal), appeal};
  });
  return out;
}

std::variant<CapacityRecord, Refused, Error> record_capacity(RegisterServices& s, const SignedIn& user,
                                                             const std::string& child_id, const CapacityForm& form) {
  auto child = child_for(s, user, child_id, "POST /children/" + child_id + "/capacity");
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  std::vector<FieldError> errors;
  if (form.lacks_capacity != "yes" && form.lacks_capacity != "no") {
    errors.push_back({"lacks_capacity", "Say whether the young person lacks capacity for these decisions"});
  }
  auto assessed = parse_date("assessed_on", form.assessed_on);
  if (!assessed) {
    errors.push_back(assessed.error().fields.front());
  } else if (*assessed > s.clock.today()) {
    errors.push_back({"assessed_on", "The assessment cannot be dated in the future"});
  }
  if (form.lacks_capacity == "yes" && form.representative.find_first_not_of(" \t") == std::string::npos) {
    errors.push_back({"representative", "Name who represents the young person, and on what authority"});
  }
  if (!errors.empty()) return Error(std::move(errors));
  const CapacityRecord record{form.lacks_capacity == "yes", form.representative, *assessed};
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::save_capacity(tx, user.area_id, child_id, record, user.user_id, now);
    store::insert_audit(tx,
                        {new_id("a"), user.area_id, now, user.user_id, "child.capacity", "child", child_id, child_id,
                         std::string(record.lacks_capacity ? "lacks capacity; represented by " + record.representative
                                                           : "has capacity") +
                             " (assessed " + format_date(record.assessed_on) + ")",
                         ""});
  });
  return record;
}

std::optional<CapacityRecord> capacity_of(RegisterServices& s, const SignedIn& user, const std::string& child_id) {
  std::optional<CapacityRecord> capacity;
  s.db.read([&](store::Tx& tx) { capacity = store::find_capacity(tx, user.area_id, child_id); });
  return capacity;
}

Rights rights_of(RegisterServices& s, const SignedIn& user, const Child& child) {
  return rights_on(child.date_of_birth, s.clock.today(), capacity_of(s, user, child.id));
}

}  // namespace tandem::app
