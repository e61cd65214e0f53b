// Appeals to the First-tier Tribunal (SEND) and the council's duty to comply
// with its orders (CFA s51; SEND Regulations 2014 regs 43-44; Tribunal
// Procedure Rules r20).
//
//   Appeal a = *open_appeal(in, today);                 // what is appealed, when, the hearing
//   a = *record_outcome(a, AppealOutcome::upheld, on, today);
//   a = *add_order(a, OrderKind::make_plan, on, today);  // each order brings its deadlines
//   for (const auto& d : order_deadlines(a.orders[0])) show(d.what, d.due.date);
//
// The periods for complying with orders come from reg 44(2) as amended in
// 2015. Paragraphs (a) to (c) were checked against the amended text; the
// letters of the later paragraphs are marked unverified beside each rule, as
// ../domain notes say, until checked against the primary text.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ehc_clock.h"
#include "core/result.h"

namespace tandem {

// What the family appeals against (CFA s51(2)).
enum class AppealedDecision {
  refusal_to_assess,  // s51(2)(a), (d): refusal to assess or re-assess
  refusal_to_issue,   // s51(2)(b): refusal to make a plan
  plan_contents,      // s51(2)(c): sections B, F or I, or no setting named
  refusal_to_amend,   // s51(2)(e): refusal to amend after a review or re-assessment
  cease,              // s51(2)(f): the decision to cease the plan
};
std::string_view to_string(AppealedDecision d);
std::string_view appealed_decision_label(AppealedDecision d);
std::optional<AppealedDecision> parse_appealed_decision(std::string_view s);
std::span<const AppealedDecision> all_appealed_decisions();

enum class AppealOutcome {
  pending,
  withdrawn,  // the family withdrew
  conceded,   // the council did not oppose (reg 45 deadlines run from its notice)
  dismissed,  // the council's decision stands
  upheld,     // wholly or in part: the tribunal's orders follow
};
std::string_view to_string(AppealOutcome o);
std::string_view appeal_outcome_label(AppealOutcome o);
std::optional<AppealOutcome> parse_appeal_outcome(std::string_view s);

// What the tribunal orders the council to do (reg 43(2)), each with its
// compliance periods (reg 44(2)).
enum class OrderKind {
  assess,                 // (b): notify within 2 weeks; then not-to-issue by 10 weeks or final plan by 14 weeks
  make_plan,              // (c): draft within 5 weeks, final within 11 weeks
  amend_plan,             // amend B, F or I: amended plan within 5 weeks (paragraph letter unverified)
  name_school,            // name the school or institution: within 2 weeks (paragraph letter unverified)
  continue_to_maintain,   // the plan continues immediately (paragraph letter unverified)
  cease_confirmed,        // (a): an appeal against ceasing dismissed: cease immediately
  health_recommendation,  // non-binding recommendation on health or social care: answer within 5 weeks
                          // (SI 2017/1306; regulation number unverified)
};
std::string_view to_string(OrderKind k);
std::string_view order_kind_label(OrderKind k);
std::optional<OrderKind> parse_order_kind(std::string_view s);
std::span<const OrderKind> all_order_kinds();

struct Order {
  std::string id;
  OrderKind kind = OrderKind::make_plan;
  Date made_on{};
  std::optional<Date> complied_on;  // the last step the order requires, done
};

struct Appeal {
  std::string id;
  std::string area_id;
  std::string child_id;
  AppealedDecision decision = AppealedDecision::plan_contents;
  Date decision_notice_on{};                  // the council's decision letter
  std::optional<Date> mediation_certificate;  // when the family had one
  Date registered_on{};                       // the tribunal registered the appeal
  std::optional<Date> hearing_on;
  AppealOutcome outcome = AppealOutcome::pending;
  std::optional<Date> outcome_on;
  std::vector<Order> orders;
};

struct AppealInput {
  std::string id;
  std::string area_id;
  std::string child_id;
  std::optional<AppealedDecision> decision;
  std::optional<Date> decision_notice_on;
  std::optional<Date> mediation_certificate;
  std::optional<Date> registered_on;
  std::optional<Date> hearing_on;
};

// Checks the appeal's dates are in order (the notice before registration, a
// certificate not before the notice, nothing registered in the future, a
// hearing after registration) and returns it. Refuses nothing for lateness:
// the tribunal decides whether a late appeal proceeds; appeal_by() shows it.
Result<Appeal> open_appeal(const AppealInput& in, Date today);

// The last day to appeal (Tribunal Rules r20(1)(c)): 2 months from the
// decision notice, or 1 month from the mediation certificate if later.
Deadline appeal_by(const Appeal& a);

Result<Appeal> set_hearing(Appeal a, Date hearing_on);
// The outcome, once: not before registration, not in the future; orders only
// follow an upheld or conceded appeal (add_order).
Result<Appeal> record_outcome(Appeal a, AppealOutcome outcome, Date on, Date today);
Result<Appeal> add_order(Appeal a, std::string order_id, OrderKind kind, Date made_on, Date today);
Result<Appeal> record_compliance(Appeal a, const std::string& order_id, Date complied_on, Date today);

// One thing the council must do under an order, with its last day in time.
struct OrderDeadline {
  std::string what;  // "Issue the draft plan"
  Deadline due;
};
// The order's deadlines in the order they fall due (the day of the order
// itself for those with immediate effect).
std::vector<OrderDeadline> order_deadlines(const Order& order);

// Where an order stands today: its final deadline against its compliance.
StepStatus order_status(const Order& order, Date today, int at_risk_days);

}  // namespace tandem
