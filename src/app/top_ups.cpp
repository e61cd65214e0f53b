#include "app/top_ups.h"

#include <algorithm>
#include <set>

#include "app/crypto.h"
#include "app/csv_cells.h"
#include "app/form_values.h"
#include "app/top_up_cache.h"
#include "profile/school_terms.h"
#include "store/audit.h"
#include "store/top_ups.h"

namespace tandem::app {

namespace {

Refused not_for_providers() { return Refused{403, "Top-up payments are for the council's finance officers."}; }
Refused no_payment() { return Refused{404, "There is no top-up payment with that reference."}; }

std::string describe(const TopUpPayment& p) {
  return p.term_id + " " + p.setting_name + " " + format_pounds(p.amount) + " paid " + format_date(p.paid_on) +
         " ref " + p.reference;
}

}  // namespace

std::shared_ptr<const TopUpSchedule> build_top_up_schedule(store::Tx& tx, const std::string& area_id,
                                                           const TermCalendar& calendar, const FundingTerm& term) {
  const auto children = store::top_up_children(tx, area_id, term.start, term.end);
  const auto payments = store::top_up_payments(tx, area_id, term.id());
  auto out = std::make_shared<TopUpSchedule>();
  out->settings = settle_top_ups(top_ups_due(calendar, term, children), payments);
  std::set<std::string> shown;
  for (const auto& row : out->settings) {
    out->due += row.due;
    out->paid += row.paid;
    for (const auto& c : row.children) shown.insert(c.child_id);
  }
  out->outstanding = out->due - out->paid;
  out->children = shown.size();
  for (const auto& id : shown) out->child_ids += (out->child_ids.empty() ? "" : " ") + id;
  return out;
}

std::variant<TopUpView, Refused, Error> open_top_ups(RegisterServices& s, const SignedIn& user, const std::string& term,
                                                     const std::string& route) {
  if (!role_has(user.role, Permission::record_payments)) return not_for_providers();
  const TermCalendar calendar = term_calendar_for_area(user.area_id);
  const FundingTerm current = funding_term_of(calendar, s.clock.today());
  TopUpView v;
  if (term.empty()) {
    v.term = current;
  } else {
    auto t = parse_funding_term(calendar, term);
    if (!t) return t.error();
    v.term = *t;
  }
  FundingTerm t = previous_term(calendar, previous_term(calendar, previous_term(calendar, current)));
  for (int i = 0; i < 5; ++i, t = next_term(calendar, t)) v.terms.push_back(t);
  v.year_days = academic_year_days(calendar, v.term);
  v.own_terms = std::find(calendar.dated.begin(), calendar.dated.end(), v.term) != calendar.dated.end();
  if (s.top_up_cache) {
    v.schedule = s.top_up_cache->schedule(s.db, user.area_id, calendar, v.term);
  } else {
    s.db.read([&](store::Tx& tx) { v.schedule = build_top_up_schedule(tx, user.area_id, calendar, v.term); });
  }
  if (!v.schedule->child_ids.empty()) {
    s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, v.schedule->child_ids, "shown"});
  }
  return v;
}

std::string top_ups_csv(const TopUpView& v) {
  std::string out =
      "term,setting,row,child_id,child_name,days_placed,annual_top_up,due,paid,outstanding,status,references\n";
  const std::string term = v.term.id();
  for (const auto& s : v.schedule->settings) {
    std::string refs;
    for (const auto& p : s.payments) refs += (refs.empty() ? "" : " ") + p.reference;
    out += term + "," + csv_cell(s.setting_name) + ",setting,,," + ",," + csv_pounds(s.due) + "," + csv_pounds(s.paid) +
           "," + csv_pounds(s.outstanding) + "," + std::string(to_string(s.status)) + "," + csv_cell(refs) + "\n";
    for (const auto& c : s.children) {
      out += term + "," + csv_cell(s.setting_name) + ",child," + csv_cell(c.child_id) + "," + csv_cell(c.child_name) +
             "," + std::to_string(c.days) + "," + csv_pounds(c.annual) + "," + csv_pounds(c.due) + ",,,,\n";
    }
  }
  return out;
}

std::variant<TopUpPayment, Refused, Error> record_top_up_payment(RegisterServices& s, const SignedIn& user,
                                                                 const FormFields& f) {
  if (!role_has(user.role, Permission::record_payments)) return not_for_providers();
  std::vector<FieldError> errors;
  TopUpPaymentInput in;
  in.id = new_id("tup");
  in.area_id = user.area_id;
  in.term = trimmed(f, "term");
  in.setting_name = trimmed(f, "setting_name");
  in.reference = trimmed(f, "reference");
  in.paid_on = optional_date("paid_on", trimmed(f, "paid_on"), errors);
  in.amount = optional_pounds("amount", trimmed(f, "amount"), errors);
  auto payment = make_top_up_payment(term_calendar_for_area(user.area_id), in, s.clock.today());
  add_new_errors(errors, payment);
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_top_up_payment(tx, *payment, user.user_id, now);
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "top_up.payment", "top_up_payment",
                             payment->id, "", describe(*payment), ""});
  });
  return *payment;
}

std::variant<TopUpPayment, Refused> open_top_up_payment(RegisterServices& s, const SignedIn& user,
                                                        const std::string& id) {
  if (!role_has(user.role, Permission::record_payments)) return not_for_providers();
  std::optional<TopUpPayment> p;
  s.db.read([&](store::Tx& tx) { p = store::find_top_up_payment(tx, user.area_id, id); });
  if (!p) return no_payment();
  return std::move(*p);
}

std::variant<TopUpPayment, Refused, Error> edit_top_up_payment(RegisterServices& s, const SignedIn& user,
                                                               const std::string& id, const FormFields& f) {
  if (!role_has(user.role, Permission::record_payments)) return not_for_providers();
  std::optional<TopUpPayment> was;
  s.db.read([&](store::Tx& tx) { was = store::find_top_up_payment(tx, user.area_id, id); });
  if (!was) return no_payment();
  std::vector<FieldError> errors;
  TopUpPaymentInput in{was->id, was->area_id, was->term_id, was->setting_name, {}, {}, trimmed(f, "reference")};
  in.paid_on = optional_date("paid_on", trimmed(f, "paid_on"), errors);
  in.amount = optional_pounds("amount", trimmed(f, "amount"), errors);
  auto payment = make_top_up_payment(term_calendar_for_area(user.area_id), in, s.clock.today());
  add_new_errors(errors, payment);
  // The version's error last: wrong fields are a 400, an old version alone a 409.
  const auto version = parse_version(trimmed(f, "version"), "the payment");
  add_new_errors(errors, version);
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_top_up_payment(tx, *payment, *version);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "top_up.payment_edit", "top_up_payment",
                             payment->id, "", "was " + describe(*was) + "; now " + describe(*payment), ""});
  });
  if (!saved) return Error("version", "Someone else changed this payment first. Open it again.");
  payment->version = *version + 1;
  return *payment;
}

}  // namespace tandem::app
