#include "app/area_moves.h"

#include "app/ceasing.h"
#include "app/crypto.h"
#include "app/form_values.h"
#include "app/letter_writer.h"
#include "app/warning_margins.h"
#include "core/ehc_clock.h"
#include "profile/bank_holidays.h"
#include "store/assessments.h"
#include "store/audit.h"
#include "store/plans.h"

namespace tandem::app {

namespace {

MoveView view_of(store::StoredMove stored, Date today, int at_risk_days) {
  MoveView v{std::move(stored), {}, {}, {}};
  const AreaMove& m = v.stored.move;
  v.deadlines = move_deadlines(m, shipped_calendar());
  const auto add = [&](std::string what, const std::optional<Deadline>& due, std::optional<Date> done) {
    if (due) v.steps.push_back({std::move(what), *due, deadline_status(due->date, done, today, at_risk_days)});
  };
  add("Transfer the plan to " + m.other_authority, v.deadlines.transfer_plan, m.transferred_on);
  add("Tell the family the plan has transferred, and whether the council will assess", v.deadlines.tell_family,
      m.family_told_on);
  add("Review the transferred plan", v.deadlines.review_by, v.stored.reviewed_here_on);
  return v;
}

// The letters kept for this move.
std::vector<store::LetterRow> letters_of_move(store::Tx& tx, const AreaMove& m) {
  std::vector<store::LetterRow> out;
  for (auto& l : store::letters_of_child(tx, m.area_id, m.child_id)) {
    if (l.assessment_id == m.id) out.push_back(std::move(l));
  }
  return out;
}

std::optional<bool> yes_no(const std::string& text, const char* field, std::vector<FieldError>& errors) {
  if (text == "yes") return true;
  if (text == "no") return false;
  if (!text.empty()) errors.push_back({field, "Choose yes or no"});
  return std::nullopt;
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
  m.will_assess = yes_no(form.will_assess, "will_assess", errors);
  m.will_amend = yes_no(form.will_amend, "will_amend", errors);
}

// Once its letter is sent, what the letter says stays as sent: a field left
// empty keeps its value, a different one is refused. Moving in, the letter of
// reg 15(4) fixes the transfer, the old council's review, the day the family
// was told and the two decisions; moving out, the notice fixes the transfer.
template <class T>
void keep_sent(const char* field, std::optional<T>& sent, const std::optional<T>& kept, const std::string& why,
               std::vector<FieldError>& errors) {
  if (!sent) {
    sent = kept;
  } else if (sent != kept) {
    errors.push_back({field, why});
  }
}

void keep_what_was_sent(const AreaMove& before, AreaMove& m, std::vector<FieldError>& errors) {
  if (before.direction == MoveDirection::into_area && before.family_told_on) {
    const std::string why = "The letter to the family of " + format_date_long(*before.family_told_on) +
                            " said this and is kept as sent, so it cannot change";
    keep_sent("transferred_on", m.transferred_on, before.transferred_on, why, errors);
    keep_sent("plan_last_reviewed_on", m.plan_last_reviewed_on, before.plan_last_reviewed_on, why, errors);
    keep_sent("family_told_on", m.family_told_on, before.family_told_on, why, errors);
    keep_sent("will_assess", m.will_assess, before.will_assess, why, errors);
    keep_sent("will_amend", m.will_amend, before.will_amend, why, errors);
  }
  if (before.direction == MoveDirection::out_of_area && before.transferred_on) {
    keep_sent("transferred_on", m.transferred_on, before.transferred_on,
              "The plan was transferred, and ended here, on " + format_date_long(*before.transferred_on) +
                  "; the family was sent a letter saying so, so the day cannot change",
              errors);
  }
}

// The letter this change sends, if it records the step that sends one.
Result<std::optional<store::LetterRow>> letter_due(RegisterServices& s, const SignedIn& user, const Child& child,
                                                   const AreaMove* before, const AreaMove& after,
                                                   const std::string& reasons) {
  const bool in = after.direction == MoveDirection::into_area;
  const bool sends = in ? after.family_told_on && !(before && before->family_told_on)
                        : after.transferred_on && !(before && before->transferred_on);
  if (!sends) return std::optional<store::LetterRow>{};
  auto row = letter_for_move(after, child, user, reasons, s.clock.now_micros(), capacity_of(s, user, child.id));
  if (!row) return tl::unexpected<Error>(row.error());
  return std::optional<store::LetterRow>(std::move(*row));
}

// Keeps the letter and, for a plan transferred out, ends the child's plans
// here on the day it went; audited.
void send_and_end(store::Tx& tx, const SignedIn& user, const AreaMove& m, const std::optional<store::LetterRow>& letter,
                  std::int64_t now) {
  if (!letter) return;
  store::insert_letter(tx, *letter);
  store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "letter.send", "child", m.child_id, m.child_id,
                           letter->kind + " letter " + letter->id + " dated " + letter->issued_on, ""});
  if (m.direction != MoveDirection::out_of_area) return;
  for (const auto& plan_id :
       store::end_plans_of_child(tx, m.area_id, m.child_id, *m.transferred_on, CeaseReason::moved_la)) {
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "plan.end", "plan", plan_id, m.child_id,
                             "ended " + format_date(*m.transferred_on) + ": transferred to " + m.other_authority +
                                 " (reg 15(2)); SEN2 cease reason " + std::to_string(sen2_code(CeaseReason::moved_la)),
                             ""});
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
           (m.will_assess.value_or(false) ? " (council will assess" : " (no new assessment") +
           (m.will_amend.value_or(false) ? "; proposes to amend the plan)" : "; no amendment proposed)");
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
  auto letter = letter_due(s, user, std::get<Child>(child), nullptr, *ok, form.letter_reason);
  if (!letter) return letter.error();
  const std::int64_t now = s.clock.now_micros();
  std::optional<store::StoredMove> saved;
  s.db.write([&](store::Tx& tx) {
    store::insert_move(tx, *ok);
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "child.move", "child", child_id, child_id,
                             summary(*ok), ""});
    send_and_end(tx, user, *ok, *letter, now);
    saved = store::find_move(tx, user.area_id, ok->id);
  });
  MoveView v = view_of(std::move(*saved), s.clock.today(), warning_margins(user.area_id).move_at_risk_days);
  s.db.read([&](store::Tx& tx) { v.letters = letters_of_move(tx, v.stored.move); });
  return v;
}

MoveEdit update_move(RegisterServices& s, const SignedIn& user, const std::string& move_id, const MoveForm& form) {
  std::optional<store::StoredMove> stored;
  s.db.read([&](store::Tx& tx) { stored = store::find_move(tx, user.area_id, move_id); });
  if (!stored) return Refused{404, "There is no move with that reference in your area."};
  auto child = child_for(s, user, stored->move.child_id, "POST /moves/" + move_id);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  const Error stale("version", "Someone else changed this move first. Open it again to see their change.");
  std::vector<FieldError> errors;
  auto version = parse_version(form.version, "the move");
  if (!version) errors.push_back(version.error().fields.front());
  if (version && *version != stored->move.version) return stale;
  AreaMove m = stored->move;
  read_form(form, m, errors);
  keep_what_was_sent(stored->move, m, errors);
  m.recorded_by = user.user_id;
  if (version) m.version = *version;
  auto ok = checked(std::move(m), std::move(errors), s.clock.today());
  if (!ok) return ok.error();
  auto letter = letter_due(s, user, std::get<Child>(child), &stored->move, *ok, form.letter_reason);
  if (!letter) return letter.error();
  const std::int64_t now = s.clock.now_micros();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_move(tx, *ok);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "child.move", "child", ok->child_id,
                             ok->child_id, summary(*ok), ""});
    send_and_end(tx, user, *ok, *letter, now);
  });
  if (!saved) return stale;
  MoveView v;
  s.db.read([&](store::Tx& tx) {
    v = view_of(*store::find_move(tx, user.area_id, move_id), s.clock.today(),
                warning_margins(user.area_id).move_at_risk_days);
    v.letters = letters_of_move(tx, v.stored.move);
  });
  return v;
}

std::variant<MoveView, Refused> open_move(RegisterServices& s, const SignedIn& user, const std::string& move_id,
                                          const std::string& route) {
  std::optional<store::StoredMove> stored;
  s.db.read([&](store::Tx& tx) { stored = store::find_move(tx, user.area_id, move_id); });
  if (!stored) return Refused{404, "There is no move with that reference in your area."};
  auto child = child_for(s, user, stored->move.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  MoveView v = view_of(std::move(*stored), s.clock.today(), warning_margins(user.area_id).move_at_risk_days);
  s.db.read([&](store::Tx& tx) { v.letters = letters_of_move(tx, v.stored.move); });
  return v;
}

std::vector<MoveView> moves_of_child(RegisterServices& s, const SignedIn& user, const std::string& child_id) {
  std::vector<MoveView> out;
  s.db.read([&](store::Tx& tx) {
    for (auto& r : store::moves_of_child(tx, user.area_id, child_id))
      out.push_back(view_of(std::move(r), s.clock.today(), warning_margins(user.area_id).move_at_risk_days));
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
      out.push_back(view_of(std::move(r), s.clock.today(), warning_margins(user.area_id).move_at_risk_days));
    }
  });
  std::string shown;
  for (const auto& v : out) shown += (shown.empty() ? "" : " ") + v.stored.move.child_id;
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, shown, "shown"});
  return out;
}

}  // namespace tandem::app
