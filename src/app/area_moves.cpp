#include "app/area_moves.h"

#include "app/crypto.h"
#include "app/form_values.h"
#include "core/ehc_clock.h"
#include "profile/bank_holidays.h"
#include "store/audit.h"
#include "store/plans.h"

namespace tandem::app {

namespace {

constexpr int kAtRiskDays = 5;

// The day the child's plan was first reviewed here after `transferred_on`, if
// it has been.
std::optional<Date> reviewed_here_since(store::Tx& tx, const std::string& area_id, const std::string& child_id,
                                        Date transferred_on) {
  std::optional<Date> out;
  for (const auto& p : store::plans_of_child(tx, area_id, child_id)) {
    const auto dates = store::plan_review_dates(tx, p.plan.id);
    if (dates.last_reviewed_on && *dates.last_reviewed_on >= transferred_on) out = dates.last_reviewed_on;
  }
  return out;
}

MoveView view_of(store::Tx& tx, store::StoredMove stored, Date today) {
  MoveView v{std::move(stored), {}, {}};
  const AreaMove& m = v.stored.move;
  v.deadlines = move_deadlines(m, shipped_calendar());
  const auto add = [&](std::string what, const std::optional<Deadline>& due, std::optional<Date> done) {
    if (due) v.steps.push_back({std::move(what), *due, deadline_status(due->date, done, today, kAtRiskDays)});
  };
  add("Transfer the plan to " + m.other_authority, v.deadlines.transfer_plan, m.transferred_on);
  add("Tell the family the plan has transferred, and whether the council will assess", v.deadlines.tell_family,
      m.family_told_on);
  if (v.deadlines.review_by) {
    add("Review the transferred plan", v.deadlines.review_by,
        reviewed_here_since(tx, m.area_id, m.child_id, *m.transferred_on));
  }
  return v;
}

// Reads the form's fields onto `m`; problems go to `errors`.
void read_form(const MoveForm& form, AreaMove& m, std::vector<FieldError>& errors) {
  m.other_authority = form.other_authority.substr(0, form.other_authority.find_last_not_of(" \t") + 1);
  if (auto moved = parse_date("moved_on", form.moved_on)) {
    m.moved_on = *moved;
  } else {
    errors.push_back({"moved_on", "Enter the day the family moved (or will move), like 2026-11-02"});
  }
  m.learned_on = optional_date("learned_on", form.learned_on, errors);
  m.transferred_on = optional_date("transferred_on", form.transferred_on, errors);
  m.plan_last_reviewed_on = optional_date("plan_last_reviewed_on", form.plan_last_reviewed_on, errors);
  m.family_told_on = optional_date("family_told_on", form.family_told_on, errors);
  if (form.will_assess == "yes") {
    m.will_assess = true;
  } else if (form.will_assess == "no") {
    m.will_assess = false;
  } else if (!form.will_assess.empty()) {
    errors.push_back({"will_assess", "Choose yes or no"});
  }
}

// Runs the rules of core/area_move.h; merges their problems with the form's.
Result<AreaMove> checked(AreaMove m, std::vector<FieldError> errors, Date today) {
  auto ok = check_move(std::move(m), today);
  if (!ok) {
    for (const auto& e : ok.error().fields) {
      bool already = false;
      for (const auto& x : errors) already = already || x.field == e.field;
      if (!already) errors.push_back(e);
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  return ok;
}

std::string summary(const AreaMove& m) {
  std::string out = m.direction == MoveDirection::into_area ? "moved in from " : "moving out to ";
  out += m.other_authority + " on " + format_date(m.moved_on);
  if (m.transferred_on) out += "; plan transferred " + format_date(*m.transferred_on);
  if (m.family_told_on) {
    out += "; family told " + format_date(*m.family_told_on) +
           (m.will_assess.value_or(false) ? " (council will assess)" : " (no new assessment)");
  }
  return out;
}

}  // namespace

const MoveStep* MoveView::next() const {
  for (const auto& step : steps) {
    if (step.status != StepStatus::done_on_time && step.status != StepStatus::done_late) return &step;
  }
  return nullptr;
}

MoveEdit record_move(RegisterServices& s, const SignedIn& user, const std::string& child_id, const MoveForm& form) {
  auto child = child_for(s, user, child_id, "POST /children/" + child_id + "/moves");
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  std::vector<FieldError> errors;
  AreaMove m;
  if (auto d = parse_move_direction("direction", form.direction)) {
    m.direction = *d;
  } else {
    errors.push_back(d.error().fields.front());
  }
  read_form(form, m, errors);
  m.id = new_id("mv");
  m.area_id = user.area_id;
  m.child_id = child_id;
  m.recorded_by = user.user_id;
  m.version = 1;
  auto ok = checked(std::move(m), std::move(errors), s.clock.today());
  if (!ok) return ok.error();
  const std::int64_t now = s.clock.now_micros();
  MoveView v;
  s.db.write([&](store::Tx& tx) {
    store::insert_move(tx, *ok);
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "child.move", "child", child_id, child_id,
                             summary(*ok), ""});
    v = view_of(tx, {*ok, std::get<Child>(child).given_name + " " + std::get<Child>(child).family_name},
                s.clock.today());
  });
  return v;
}

MoveEdit update_move(RegisterServices& s, const SignedIn& user, const std::string& move_id, const MoveForm& form) {
  std::optional<store::StoredMove> stored;
  s.db.read([&](store::Tx& tx) { stored = store::find_move(tx, user.area_id, move_id); });
  if (!stored) return Refused{404, "There is no move with that reference in your area."};
  auto child = child_for(s, user, stored->move.child_id, "POST /moves/" + move_id);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  std::vector<FieldError> errors;
  auto version = parse_version(form.version, "the move");
  if (!version) errors.push_back(version.error().fields.front());
  AreaMove m = stored->move;
  read_form(form, m, errors);
  m.recorded_by = user.user_id;
  if (version) m.version = *version;
  auto ok = checked(std::move(m), std::move(errors), s.clock.today());
  if (!ok) return ok.error();
  const std::int64_t now = s.clock.now_micros();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_move(tx, *ok);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "child.move", "child", ok->child_id,
                             ok->child_id, summary(*ok), ""});
  });
  if (!saved) return Error("version", "Someone else changed this move first. Open it again to see their change.");
  ok->version += 1;
  MoveView v;
  s.db.read([&](store::Tx& tx) { v = view_of(tx, {*ok, stored->child_name}, s.clock.today()); });
  return v;
}

std::variant<MoveView, Refused> open_move(RegisterServices& s, const SignedIn& user, const std::string& move_id,
                                          const std::string& route) {
  std::optional<store::StoredMove> stored;
  s.db.read([&](store::Tx& tx) { stored = store::find_move(tx, user.area_id, move_id); });
  if (!stored) return Refused{404, "There is no move with that reference in your area."};
  auto child = child_for(s, user, stored->move.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  MoveView v;
  s.db.read([&](store::Tx& tx) { v = view_of(tx, std::move(*stored), s.clock.today()); });
  return v;
}

std::vector<MoveView> moves_of_child(RegisterServices& s, const SignedIn& user, const std::string& child_id) {
  std::vector<MoveView> out;
  s.db.read([&](store::Tx& tx) {
    for (auto& r : store::moves_of_child(tx, user.area_id, child_id))
      out.push_back(view_of(tx, std::move(r), s.clock.today()));
  });
  return out;
}

std::vector<MoveView> recent_moves(RegisterServices& s, const SignedIn& user, const std::string& route) {
  const bool agency_wide = sees_agency_wide(user);
  const Date since = add_months(s.clock.today(), -12);
  std::vector<MoveView> out;
  s.db.read([&](store::Tx& tx) {
    for (auto& r :
         store::recent_moves(tx, user.area_id, user.user_id, std::string(to_string(user.agency)), agency_wide, since)) {
      out.push_back(view_of(tx, std::move(r), s.clock.today()));
    }
  });
  std::string shown;
  for (const auto& v : out) shown += (shown.empty() ? "" : " ") + v.stored.move.child_id;
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, shown, "shown"});
  return out;
}

}  // namespace tandem::app
