#include "app/appeals.h"

#include <algorithm>

#include "app/crypto.h"
#include "app/form_values.h"
#include "app/warning_margins.h"
#include "store/audit.h"

namespace tandem::app {

namespace {

AppealView view_of(store::StoredAppeal stored, Date today, int at_risk_days) {
  AppealView v{std::move(stored), {}, {}};
  v.appeal_by = appeal_by(v.stored.appeal);
  for (const auto& o : v.stored.appeal.orders)
    v.orders.push_back({o, order_deadlines(o), order_status(o, today, at_risk_days)});
  return v;
}

}  // namespace

AppealEdit record_appeal(RegisterServices& s, const SignedIn& user, const std::string& child_id,
                         const AppealForm& form) {
  auto child = child_for(s, user, child_id, "POST /children/" + child_id + "/appeals");
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  std::vector<FieldError> errors;
  AppealInput in;
  in.id = new_id("ap");
  in.area_id = user.area_id;
  in.child_id = child_id;
  in.decision = parse_appealed_decision(form.decision);
  in.decision_notice_on = optional_date("decision_notice_on", form.decision_notice_on, errors);
  in.mediation_certificate = optional_date("mediation_certificate", form.mediation_certificate, errors);
  in.registered_on = optional_date("registered_on", form.registered_on, errors);
  in.hearing_on = optional_date("hearing_on", form.hearing_on, errors);
  auto appeal = open_appeal(in, s.clock.today());
  if (!appeal) {
    for (const auto& e : appeal.error().fields) {
      const bool already =
          std::any_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; });
      if (!already) errors.push_back(e);
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_appeal(tx, *appeal, user.user_id);
    store::insert_audit(
        tx, {new_id("a"), user.area_id, now, user.user_id, "appeal.record", "appeal", appeal->id, child_id,
             std::string(to_string(appeal->decision)) + " registered " + format_date(appeal->registered_on), ""});
  });
  const Child& c = std::get<Child>(child);
  return store::StoredAppeal{*appeal, 1, c.given_name + " " + c.family_name};
}

AppealEdit change_appeal(RegisterServices& s, const SignedIn& user, const std::string& appeal_id,
                         const AppealStepForm& form) {
  const std::string route = "POST /appeals/" + appeal_id;
  std::optional<store::StoredAppeal> stored;
  s.db.read([&](store::Tx& tx) { stored = store::find_appeal(tx, user.area_id, appeal_id); });
  if (!stored) return Refused{404, "There is no appeal with that reference in your area."};
  auto child = child_for(s, user, stored->appeal.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  auto expected = parse_version(form.version, "the appeal");
  if (!expected) return expected.error();
  auto on = parse_date("on", form.on);
  if (!on) return on.error();
  const Date today = s.clock.today();
  Result<Appeal> next = fail("step", "Choose what to record: the hearing, the outcome, an order or compliance");
  std::string detail;
  if (form.step == "hearing") {
    next = set_hearing(stored->appeal, *on);
    detail = "hearing on " + form.on;
  } else if (form.step == "outcome") {
    auto outcome = parse_appeal_outcome(form.outcome);
    if (!outcome) return Error("outcome", "Choose the outcome: withdrawn, conceded, dismissed or upheld");
    next = record_outcome(stored->appeal, *outcome, *on, today);
    detail = "outcome " + form.outcome + " on " + form.on;
  } else if (form.step == "order") {
    auto kind = parse_order_kind(form.kind);
    if (!kind) return Error("kind", "Choose what the tribunal ordered");
    next = add_order(stored->appeal, new_id("or"), *kind, *on, today);
    detail = "order " + form.kind + " made " + form.on;
  } else if (form.step == "complied") {
    next = record_compliance(stored->appeal, form.order_id, *on, today);
    detail = "complied with order " + form.order_id + " on " + form.on;
  }
  if (!next) return next.error();
  bool saved = false;
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    saved = store::update_appeal(tx, *next, *expected);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "appeal." + form.step, "appeal", appeal_id,
                             next->child_id, detail, ""});
  });
  if (!saved) return Error("version", "Someone else changed this appeal first. Open it again.");
  stored->appeal = std::move(*next);
  stored->version = *expected + 1;
  return *stored;
}

std::variant<AppealView, Refused> open_appeal_record(RegisterServices& s, const SignedIn& user,
                                                     const std::string& appeal_id, const std::string& route) {
  std::optional<store::StoredAppeal> stored;
  s.db.read([&](store::Tx& tx) { stored = store::find_appeal(tx, user.area_id, appeal_id); });
  if (!stored) return Refused{404, "There is no appeal with that reference in your area."};
  auto child = child_for(s, user, stored->appeal.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  s.access_log.record(
      {new_id("r"), user.area_id, s.clock.now_micros(), user.user_id, route, stored->appeal.child_id, "shown"});
  return view_of(std::move(*stored), s.clock.today(), warning_margins(user.area_id).order_at_risk_days);
}

std::vector<TrackerRow> tribunal_tracker(RegisterServices& s, const SignedIn& user, const std::string& route) {
  std::vector<store::StoredAppeal> rows;
  s.db.read([&](store::Tx& tx) {
    rows = store::live_appeals(tx, user.area_id, user.user_id, std::string(to_string(user.agency)),
                               sees_agency_wide(user));
  });
  const Date today = s.clock.today();
  std::vector<TrackerRow> out;
  for (auto& r : rows) {
    TrackerRow t{
        view_of(std::move(r), today, warning_margins(user.area_id).order_at_risk_days), {}, {}, StepStatus::on_time};
    bool found = false;
    for (const auto& o : t.view.orders) {
      if (o.order.complied_on) continue;
      const auto& last = o.deadlines.back();
      if (!found || last.due.date < t.next_date) {
        t.next_date = last.due.date;
        t.next_what = last.what;
        t.status = o.status;
        found = true;
      }
    }
    if (!found) {
      const auto& a = t.view.stored.appeal;
      t.next_date = a.hearing_on.value_or(a.registered_on);
      t.next_what = a.hearing_on ? "Hearing" : "Hearing date not yet set";
      t.status = a.hearing_on && *a.hearing_on < today ? StepStatus::overdue : StepStatus::on_time;
    }
    out.push_back(std::move(t));
  }
  std::stable_sort(out.begin(), out.end(), [](const TrackerRow& a, const TrackerRow& b) {
    const bool ao = a.status == StepStatus::overdue, bo = b.status == StepStatus::overdue;
    if (ao != bo) return ao;
    return a.next_date < b.next_date;
  });
  std::string shown;
  for (const auto& t : out) shown += (shown.empty() ? "" : " ") + t.view.stored.appeal.child_id;
  if (!out.empty()) {
    s.access_log.record({new_id("r"), user.area_id, s.clock.now_micros(), user.user_id, route, shown, "shown"});
  }
  return out;
}

std::vector<store::StoredAppeal> appeals_for_child(RegisterServices& s, const SignedIn& user,
                                                   const std::string& child_id) {
  std::vector<store::StoredAppeal> out;
  s.db.read([&](store::Tx& tx) { out = store::appeals_of_child(tx, user.area_id, child_id); });
  return out;
}

}  // namespace tandem::app
