// The tribunal tracker: appeals against the council's decisions, their
// hearings and outcomes, and the orders the council must comply with, each
// with its deadlines (SEND Regulations 2014 reg 44). Every change audited.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "app/assessments.h"
#include "core/tribunal.h"
#include "store/appeals.h"

namespace tandem::app {

struct AppealForm {
  std::string decision;
  std::string decision_notice_on;
  std::string mediation_certificate;  // optional
  std::string registered_on;
  std::string hearing_on;  // optional
};

// One change to an appeal: "hearing" (on), "outcome" (outcome, on), "order"
// (kind, on), "complied" (order_id, on).
struct AppealStepForm {
  std::string step;
  std::string on;
  std::string outcome;
  std::string kind;
  std::string order_id;
  std::string version;
};

using AppealEdit = std::variant<store::StoredAppeal, Refused, Error>;

AppealEdit record_appeal(RegisterServices& s, const SignedIn& user, const std::string& child_id,
                         const AppealForm& form);
AppealEdit change_appeal(RegisterServices& s, const SignedIn& user, const std::string& appeal_id,
                         const AppealStepForm& form);

struct OrderView {
  Order order;
  std::vector<OrderDeadline> deadlines;
  StepStatus status = StepStatus::on_time;
};
struct AppealView {
  store::StoredAppeal stored;
  Deadline appeal_by;
  std::vector<OrderView> orders;
};
std::variant<AppealView, Refused> open_appeal_record(RegisterServices& s, const SignedIn& user,
                                                     const std::string& appeal_id, const std::string& route);

// The tracker: live appeals (pending, or an order not yet complied with),
// the most pressing first: an overdue order, then the nearest date (hearing
// or order deadline).
struct TrackerRow {
  AppealView view;
  Date next_date{};
  std::string next_what;
  StepStatus status = StepStatus::on_time;
};
std::vector<TrackerRow> tribunal_tracker(RegisterServices& s, const SignedIn& user, const std::string& route);
std::vector<store::StoredAppeal> appeals_for_child(RegisterServices& s, const SignedIn& user,
                                                   const std::string& child_id);

}  // namespace tandem::app
