#include "app/recharges.h"

#include <set>

#include "app/crypto.h"
#include "app/form_values.h"
#include "store/audit.h"

namespace tandem::app {

namespace {

Refused not_for_you() { return Refused{403, "Recharges between councils are for the council's finance officers."}; }
Refused no_recharge() { return Refused{404, "There is no recharge with that reference."}; }

// Reads and checks the form into `in`; every wrong field named once. The
// child must be one of the area's.
Result<Recharge> read_recharge(RegisterServices& s, const SignedIn& user, const FormFields& f, RechargeInput in,
                               std::vector<FieldError> errors) {
  in.direction = parse_recharge_direction(trimmed(f, "direction"));
  in.other_council = trimmed(f, "other_council");
  in.child_id = trimmed(f, "child_id");
  in.child_name = trimmed(f, "child_name");
  in.date_of_birth = optional_date("date_of_birth", trimmed(f, "date_of_birth"), errors);
  in.other_council_reference = trimmed(f, "other_council_reference");
  in.status = trimmed(f, "status");
  in.setting_name = trimmed(f, "setting_name");
  in.period_start = optional_date("period_start", trimmed(f, "period_start"), errors);
  in.period_end = optional_date("period_end", trimmed(f, "period_end"), errors);
  in.invoice_reference = trimmed(f, "invoice_reference");
  in.invoiced_on = optional_date("invoiced_on", trimmed(f, "invoiced_on"), errors);
  in.paid_on = optional_date("paid_on", trimmed(f, "paid_on"), errors);
  in.amount = optional_pounds("amount", trimmed(f, "amount"), errors);
  auto r = make_recharge(in, s.clock.today());
  add_new_errors(errors, r);
  if (!in.child_id.empty()) {
    bool known = false;
    s.db.read([&](store::Tx& tx) { known = store::child_name(tx, user.area_id, in.child_id).has_value(); });
    if (!known) errors.push_back({"child_id", "There is no child " + in.child_id + " in the area"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  return r;
}

std::string describe(const Recharge& r) {
  std::string child = r.child_id.empty() ? r.child_name + " (not on our register)" : r.child_id;
  if (r.date_of_birth) child += " born " + format_date(*r.date_of_birth);
  if (!r.other_council_reference.empty()) child += " their reference " + r.other_council_reference;
  std::string d = std::string(to_string(r.status)) + " " + std::string(to_string(r.direction)) + " " + r.other_council +
                  " child " + child + " at " + r.setting_name + " " + format_date(r.period_start) + " to " +
                  format_date(r.period_end) + " " + format_pounds(r.amount);
  if (!r.invoice_reference.empty()) d += " invoice " + r.invoice_reference;
  if (r.invoiced_on) d += " dated " + format_date(*r.invoiced_on);
  if (r.paid_on) d += " paid " + format_date(*r.paid_on);
  return d;
}

void audit(store::Tx& tx, const SignedIn& user, std::int64_t now, const char* action, const Recharge& r,
           const std::string& detail) {
  store::insert_audit(tx,
                      {new_id("a"), user.area_id, now, user.user_id, action, "recharge", r.id, r.child_id, detail, ""});
}

}  // namespace

std::variant<RechargesView, Refused> list_recharges(RegisterServices& s, const SignedIn& user,
                                                    const std::string& route) {
  if (!role_has(user.role, Permission::record_payments)) return not_for_you();
  RechargesView v;
  std::vector<store::StoredRecharge> all;
  std::vector<store::RechargeMove> moves;
  s.db.read([&](store::Tx& tx) {
    all = store::recharges(tx, user.area_id);
    moves = store::recharge_moves(tx, user.area_id);
  });
  std::vector<Recharge> plain;
  std::set<std::string> shown, charged;  // children shown; child and council already recharged
  for (auto& r : all) {
    plain.push_back(r.recharge);
    if (!r.recharge.child_id.empty()) shown.insert(r.recharge.child_id);  // the register's children only
    charged.insert(r.recharge.child_id + "\n" + r.recharge.other_council);
    (r.recharge.direction == RechargeDirection::owed_to_us ? v.owed_to_us : v.owed_by_us).push_back(std::move(r));
  }
  v.by_council = recharges_by_council(plain);
  const Date today = s.clock.today();
  for (const auto& m : moves) {
    if (charged.contains(m.child_id + "\n" + m.other_authority)) continue;
    const bool in = m.direction == MoveDirection::into_area;
    auto line = propose_recharge(
        {m.child_id, in, m.other_authority, m.moved_on, m.transferred_on, m.setting_name, m.annual_top_up}, today);
    if (!line) continue;
    std::string why = std::string(in ? "Moved in from " : "Moved out to ") + m.other_authority + " on " +
                      format_date_long(m.moved_on) + "; " +
                      (m.transferred_on ? "plan transferred " + format_date_long(*m.transferred_on)
                                        : std::string("plan not transferred yet"));
    shown.insert(m.child_id);
    charged.insert(m.child_id + "\n" + m.other_authority);
    v.proposals.push_back({std::move(*line), m.child_name, std::move(why)});
  }
  if (!shown.empty()) {
    std::string ids;
    for (const auto& id : shown) ids += (ids.empty() ? "" : " ") + id;
    s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, ids, "shown"});
  }
  return v;
}

std::variant<store::StoredRecharge, Refused> open_recharge(RegisterServices& s, const SignedIn& user,
                                                           const std::string& id, const std::string& route) {
  if (!role_has(user.role, Permission::record_payments)) return not_for_you();
  std::optional<store::StoredRecharge> r;
  s.db.read([&](store::Tx& tx) { r = store::find_recharge(tx, user.area_id, id); });
  if (!r) return no_recharge();
  if (!r->recharge.child_id.empty()) {
    s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, r->recharge.child_id, "shown"});
  }
  return std::move(*r);
}

std::variant<Recharge, Refused, Error> add_recharge(RegisterServices& s, const SignedIn& user, const FormFields& f) {
  if (!role_has(user.role, Permission::record_payments)) return not_for_you();
  RechargeInput in;
  in.id = new_id("rc");
  in.area_id = user.area_id;
  auto r = read_recharge(s, user, f, in, {});
  if (!r) return r.error();
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_recharge(tx, *r, user.user_id, now);
    audit(tx, user, now, "recharge.add", *r, describe(*r));
  });
  return *r;
}

std::variant<Recharge, Refused, Error> edit_recharge(RegisterServices& s, const SignedIn& user, const std::string& id,
                                                     const FormFields& f) {
  if (!role_has(user.role, Permission::record_payments)) return not_for_you();
  std::optional<store::StoredRecharge> was;
  s.db.read([&](store::Tx& tx) { was = store::find_recharge(tx, user.area_id, id); });
  if (!was) return no_recharge();
  auto version = parse_version(trimmed(f, "version"), "the recharge");
  RechargeInput in;
  in.id = was->recharge.id;
  in.area_id = was->recharge.area_id;
  auto r = read_recharge(s, user, f, in, {});
  if (!r || !version) {
    // The version's error last: wrong fields are a 400, an old version alone a 409.
    std::vector<FieldError> errors;
    if (!r) errors = r.error().fields;
    if (!version) errors.push_back(version.error().fields.front());
    return Error(std::move(errors));
  }
  const std::int64_t now = s.clock.now_micros();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_recharge(tx, *r, *version);
    if (saved) audit(tx, user, now, "recharge.edit", *r, "was " + describe(was->recharge) + "; now " + describe(*r));
  });
  if (!saved) return Error("version", "Someone else changed this recharge first. Open it again.");
  r->version = *version + 1;
  return *r;
}

}  // namespace tandem::app
