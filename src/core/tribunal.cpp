#include "core/tribunal.h"

#include <algorithm>
#include <array>

namespace tandem {

namespace {

using std::chrono::days;
constexpr days weeks(int n) { return days{7 * n}; }

constexpr std::string_view kReg44 = "SEND Regulations 2014 reg 44(2)";

struct DecisionName {
  AppealedDecision d;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<DecisionName, 5> kDecisions{{
    {AppealedDecision::refusal_to_assess, "refusal_to_assess", "Refusal to assess or re-assess (CFA s51(2)(a), (d))"},
    {AppealedDecision::refusal_to_issue, "refusal_to_issue", "Refusal to make a plan (s51(2)(b))"},
    {AppealedDecision::plan_contents, "plan_contents", "Sections B, F or I of the plan (s51(2)(c))"},
    {AppealedDecision::refusal_to_amend, "refusal_to_amend", "Refusal to amend the plan (s51(2)(e))"},
    {AppealedDecision::cease, "cease", "Decision to cease the plan (s51(2)(f))"},
}};

struct OutcomeName {
  AppealOutcome o;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<OutcomeName, 5> kOutcomes{{
    {AppealOutcome::pending, "pending", "Waiting for the hearing"},
    {AppealOutcome::withdrawn, "withdrawn", "Withdrawn by the family"},
    {AppealOutcome::conceded, "conceded", "Conceded by the council"},
    {AppealOutcome::dismissed, "dismissed", "Dismissed"},
    {AppealOutcome::upheld, "upheld", "Upheld, wholly or in part"},
}};

struct OrderName {
  OrderKind k;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<OrderName, 7> kOrders{{
    {OrderKind::assess, "assess", "Assess or re-assess"},
    {OrderKind::make_plan, "make_plan", "Make and maintain a plan"},
    {OrderKind::amend_plan, "amend_plan", "Amend sections B, F or I"},
    {OrderKind::name_school, "name_school", "Name the school or institution"},
    {OrderKind::continue_to_maintain, "continue_to_maintain", "Continue to maintain the plan"},
    {OrderKind::cease_confirmed, "cease_confirmed", "Cease the plan (appeal against ceasing dismissed)"},
    {OrderKind::health_recommendation, "health_recommendation",
     "Recommendation on health or social care (non-binding)"},
}};

std::string basis(std::string_view paragraph, std::string_view what) {
  return std::string(kReg44) + std::string(paragraph) + ": " + std::string(what);
}

}  // namespace

std::string_view to_string(AppealedDecision d) {
  for (const auto& n : kDecisions) {
    if (n.d == d) return n.id;
  }
  return "plan_contents";
}
std::string_view appealed_decision_label(AppealedDecision d) {
  for (const auto& n : kDecisions) {
    if (n.d == d) return n.label;
  }
  return "";
}
std::optional<AppealedDecision> parse_appealed_decision(std::string_view s) {
  for (const auto& n : kDecisions) {
    if (n.id == s) return n.d;
  }
  return std::nullopt;
}
std::span<const AppealedDecision> all_appealed_decisions() {
  static const std::array<AppealedDecision, 5> all{AppealedDecision::refusal_to_assess,
                                                   AppealedDecision::refusal_to_issue, AppealedDecision::plan_contents,
                                                   AppealedDecision::refusal_to_amend, AppealedDecision::cease};
  return all;
}

std::string_view to_string(AppealOutcome o) {
  for (const auto& n : kOutcomes) {
    if (n.o == o) return n.id;
  }
  return "pending";
}
std::string_view appeal_outcome_label(AppealOutcome o) {
  for (const auto& n : kOutcomes) {
    if (n.o == o) return n.label;
  }
  return "";
}
std::optional<AppealOutcome> parse_appeal_outcome(std::string_view s) {
  for (const auto& n : kOutcomes) {
    if (n.id == s) return n.o;
  }
  return std::nullopt;
}

std::string_view to_string(OrderKind k) {
  for (const auto& n : kOrders) {
    if (n.k == k) return n.id;
  }
  return "make_plan";
}
std::string_view order_kind_label(OrderKind k) {
  for (const auto& n : kOrders) {
    if (n.k == k) return n.label;
  }
  return "";
}
std::optional<OrderKind> parse_order_kind(std::string_view s) {
  for (const auto& n : kOrders) {
    if (n.id == s) return n.k;
  }
  return std::nullopt;
}
std::span<const OrderKind> all_order_kinds() {
  static const std::array<OrderKind, 7> all{OrderKind::assess,
                                            OrderKind::make_plan,
                                            OrderKind::amend_plan,
                                            OrderKind::name_school,
                                            OrderKind::continue_to_maintain,
                                            OrderKind::cease_confirmed,
                                            OrderKind::health_recommendation};
  return all;
}

Result<Appeal> open_appeal(const AppealInput& in, Date today) {
  std::vector<FieldError> errors;
  if (!in.decision) errors.push_back({"decision", "Choose the decision the family appeals against"});
  if (!in.decision_notice_on)
    errors.push_back({"decision_notice_on", "Give the date of the council's decision letter"});
  if (!in.registered_on) {
    errors.push_back({"registered_on", "Give the date the tribunal registered the appeal"});
  } else if (*in.registered_on > today) {
    errors.push_back({"registered_on", "The appeal cannot be registered on a future date"});
  } else if (in.decision_notice_on && *in.registered_on < *in.decision_notice_on) {
    errors.push_back({"registered_on", "An appeal is registered after the decision it appeals (" +
                                           format_date(*in.decision_notice_on) + ")"});
  }
  if (in.mediation_certificate && in.decision_notice_on && *in.mediation_certificate < *in.decision_notice_on) {
    errors.push_back({"mediation_certificate", "A mediation certificate cannot be before the decision notice"});
  }
  if (in.hearing_on && in.registered_on && *in.hearing_on < *in.registered_on) {
    errors.push_back({"hearing_on", "The hearing cannot be before the appeal was registered"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  Appeal a;
  a.id = in.id;
  a.area_id = in.area_id;
  a.child_id = in.child_id;
  a.decision = *in.decision;
  a.decision_notice_on = *in.decision_notice_on;
  a.mediation_certificate = in.mediation_certificate;
  a.registered_on = *in.registered_on;
  a.hearing_on = in.hearing_on;
  return a;
}

Deadline appeal_by(const Appeal& a) {
  // The certificate was checked not to precede the notice (open_appeal).
  return *appeal_deadline(a.decision_notice_on, a.mediation_certificate);
}

Result<Appeal> set_hearing(Appeal a, Date hearing_on) {
  if (hearing_on < a.registered_on) {
    return fail("hearing_on",
                "The hearing cannot be before the appeal was registered (" + format_date(a.registered_on) + ")");
  }
  if (a.outcome != AppealOutcome::pending) return fail("hearing_on", "The appeal is already decided");
  a.hearing_on = hearing_on;
  return a;
}

Result<Appeal> record_outcome(Appeal a, AppealOutcome outcome, Date on, Date today) {
  if (a.outcome != AppealOutcome::pending) return fail("outcome", "The outcome is already recorded");
  if (outcome == AppealOutcome::pending) return fail("outcome", "Choose the outcome of the appeal");
  if (on < a.registered_on) {
    return fail("outcome_on",
                "The outcome cannot be before the appeal was registered (" + format_date(a.registered_on) + ")");
  }
  if (on > today) return fail("outcome_on", "The outcome cannot be on a future date");
  a.outcome = outcome;
  a.outcome_on = on;
  return a;
}

Result<Appeal> add_order(Appeal a, std::string order_id, OrderKind kind, Date made_on, Date today) {
  // A dismissed appeal against ceasing is the one dismissal with a duty.
  const bool allowed = a.outcome == AppealOutcome::upheld || a.outcome == AppealOutcome::conceded ||
                       (a.outcome == AppealOutcome::dismissed && kind == OrderKind::cease_confirmed &&
                        a.decision == AppealedDecision::cease);
  if (!allowed) {
    return fail("kind", "Orders follow an upheld or conceded appeal (or a dismissed appeal against ceasing)");
  }
  if (a.outcome_on && made_on < *a.outcome_on) return fail("made_on", "An order follows the outcome");
  if (made_on > today) return fail("made_on", "The order cannot be dated in the future");
  a.orders.push_back({std::move(order_id), kind, made_on, std::nullopt});
  return a;
}

Result<Appeal> record_compliance(Appeal a, const std::string& order_id, Date complied_on, Date today) {
  auto o = std::find_if(a.orders.begin(), a.orders.end(), [&](const Order& x) { return x.id == order_id; });
  if (o == a.orders.end()) return fail("order", "This appeal has no such order");
  if (complied_on < o->made_on) return fail("complied_on", "Compliance cannot be before the order was made");
  if (complied_on > today) return fail("complied_on", "Compliance cannot be recorded on a future date");
  if (o->complied_on) return fail("complied_on", "Compliance with this order is already recorded");
  o->complied_on = complied_on;
  return a;
}

std::vector<OrderDeadline> order_deadlines(const Order& o) {
  const Date d = o.made_on;
  switch (o.kind) {
    case OrderKind::assess:
      return {{"Tell the family the assessment will be made",
               {d + weeks(2), basis("(b)", "notify within 2 weeks of the order")}},
              {"Notify a decision not to issue a plan, with reasons",
               {d + weeks(10), basis("(b)(i)", "within 10 weeks of the order")}},
              {"Issue the final plan", {d + weeks(14), basis("(b)(ii)", "within 14 weeks of the order")}}};
    case OrderKind::make_plan:
      return {{"Issue the draft plan", {d + weeks(5), basis("(c)(i)", "draft within 5 weeks of the order")}},
              {"Issue the final plan", {d + weeks(11), basis("(c)(ii)", "final plan within 11 weeks of the order")}}};
    case OrderKind::amend_plan:
      return {{"Issue the amended plan",
               {d + weeks(5), basis("", "amended plan within 5 weeks of the order (paragraph letter unverified)")}}};
    case OrderKind::name_school:
      return {{"Issue the plan naming the school or institution",
               {d + weeks(2), basis("", "within 2 weeks of the order (paragraph letter unverified)")}}};
    case OrderKind::continue_to_maintain:
      return {{"Continue to maintain the plan", {d, basis("", "with immediate effect (paragraph letter unverified)")}}};
    case OrderKind::cease_confirmed: return {{"Cease to maintain the plan", {d, basis("(a)", "cease immediately")}}};
    case OrderKind::health_recommendation:
      return {{"The health or social care body answers the recommendation, with reasons if it declines",
               {d + weeks(5),
                "Special Educational Needs and Disability (First-tier Tribunal Recommendations Power) Regulations "
                "2017 (SI 2017/1306; regulation number unverified): within 5 weeks"}}};
  }
  return {};
}

StepStatus order_status(const Order& order, Date today, int at_risk_days) {
  const auto deadlines = order_deadlines(order);
  return deadline_status(deadlines.back().due.date, order.complied_on, today, at_risk_days);
}

}  // namespace tandem
