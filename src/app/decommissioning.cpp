#include "app/decommissioning.h"

#include "app/crypto.h"
#include "app/form_values.h"
#include "store/audit.h"
#include "store/commissioning.h"
#include "store/decommissioning.h"
#include "store/directory.h"

namespace tandem::app {

namespace {

Refused not_for_providers() {
  return Refused{403, "Decommissioning appraisals are for the partnership's commissioners."};
}

std::string title_of(store::Tx& tx, const std::string& area_id, AppraisalSubject subject, const std::string& id) {
  if (subject == AppraisalSubject::contract) {
    auto c = store::find_contract(tx, area_id, id);
    return c ? c->contract.title : "";
  }
  auto a = store::find_activity(tx, area_id, id);
  return a ? a->activity.title : "";
}

void audit(store::Tx& tx, const SignedIn& user, std::int64_t now, const std::string& action, const Appraisal& a,
           const std::string& detail) {
  store::insert_audit(
      tx, {new_id("a"), user.area_id, now, user.user_id, action, "decommissioning_appraisal", a.id, "", detail, ""});
}

}  // namespace

std::variant<std::vector<AppraisalView>, Refused> list_appraisals(RegisterServices& s, const SignedIn& user) {
  if (user.role == Role::provider) return not_for_providers();
  std::vector<AppraisalView> out;
  s.db.read([&](store::Tx& tx) {
    for (auto& a : store::appraisals(tx, user.area_id)) {
      const std::string title = title_of(tx, user.area_id, a.subject, a.subject_id);
      out.push_back({std::move(a), title, {}});
    }
  });
  return out;
}

std::variant<AppraisalView, Refused> open_appraisal(RegisterServices& s, const SignedIn& user, const std::string& id) {
  if (user.role == Role::provider) return not_for_providers();
  std::optional<AppraisalView> v;
  s.db.read([&](store::Tx& tx) {
    if (auto a = store::find_appraisal(tx, user.area_id, id)) {
      const std::string title = title_of(tx, user.area_id, a->subject, a->subject_id);
      v = AppraisalView{std::move(*a), title, {}};
      const auto c = v->appraisal.subject == AppraisalSubject::contract
                         ? store::find_contract(tx, user.area_id, v->appraisal.subject_id)
                         : std::nullopt;
      if (c && !c->contract.service_ids.empty()) {
        const Directory d = store::load_directory(tx, user.area_id);
        for (const auto& sid : c->contract.service_ids) {
          for (const auto& svc : d.services) {
            if (svc.id != sid) continue;
            std::string state = "On offer";
            if (svc.withdrawn() && svc.withdrawn_on) state = "Withdrawn since " + format_date_long(*svc.withdrawn_on);
            if (svc.withdrawn() && !svc.withdrawn_on) state = "Withdrawn";
            if (!svc.withdrawn() && svc.closes_on) state = "Closes on " + format_date_long(*svc.closes_on);
            v->services.push_back({svc.id, svc.name, state});
          }
        }
      }
    }
  });
  if (!v) return Refused{404, "There is no decommissioning appraisal with that reference."};
  return std::move(*v);
}

namespace {

// Reads the subject and the six sections into `in` and checks them; every
// wrong field named once.
Result<Appraisal> read_appraisal(RegisterServices& s, const SignedIn& user, const FormFields& f, Appraisal in,
                                 std::vector<FieldError> errors) {
  // The page's one choice reads "contract:<id>" or "activity:<id>"; the API may send them apart.
  std::string subject = trimmed(f, "subject"), subject_id = trimmed(f, "subject_id");
  if (const auto colon = subject_id.find(':'); subject.empty() && colon != std::string::npos) {
    subject = subject_id.substr(0, colon);
    subject_id = subject_id.substr(colon + 1);
  }
  const auto kind = parse_appraisal_subject(subject.empty() ? "contract" : subject);
  in.subject = kind.value_or(AppraisalSubject::contract);
  in.subject_id = subject_id;
  in.needs_and_demand = trimmed(f, "needs_and_demand");
  in.quality_and_performance = trimmed(f, "quality_and_performance");
  in.cost = trimmed(f, "cost");
  in.contract_terms = trimmed(f, "contract_terms");
  in.stakeholders = trimmed(f, "stakeholders");
  in.exit_plan = trimmed(f, "exit_plan");
  if (!kind) errors.push_back({"subject_id", "Choose a contract or a commissioning activity"});
  auto a = make_appraisal(in);
  if (!a) {
    for (const auto& e : a.error().fields) {
      bool already = false;
      for (const auto& x : errors) already = already || x.field == e.field;
      if (!already) errors.push_back(e);
    }
  }
  if (kind && !subject_id.empty()) {
    s.db.read([&](store::Tx& tx) {
      if (title_of(tx, user.area_id, *kind, subject_id).empty()) {
        errors.insert(errors.begin(),
                      {"subject_id", "There is no such contract or commissioning activity in the area"});
      }
    });
  }
  if (!errors.empty()) return fail(std::move(errors));
  return a;
}

}  // namespace

std::variant<Appraisal, Refused, Error> start_appraisal(RegisterServices& s, const SignedIn& user,
                                                        const FormFields& f) {
  if (user.role == Role::provider) return not_for_providers();
  Appraisal in;
  in.id = new_id("dc");
  in.area_id = user.area_id;
  auto a = read_appraisal(s, user, f, in, {});
  if (!a) return a.error();
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_appraisal(tx, *a, user.user_id, now);
    audit(tx, user, now, "decommissioning.start", *a, std::string(to_string(a->subject)) + " " + a->subject_id);
  });
  return *a;
}

std::variant<Appraisal, Refused, Error> edit_appraisal(RegisterServices& s, const SignedIn& user, const std::string& id,
                                                       const FormFields& f) {
  if (user.role == Role::provider) return not_for_providers();
  std::optional<Appraisal> was;
  s.db.read([&](store::Tx& tx) { was = store::find_appraisal(tx, user.area_id, id); });
  if (!was) return Refused{404, "There is no decommissioning appraisal with that reference."};
  // Once decided, the appraisal is the record of what the decision rested on.
  if (was->decision) {
    return Error("decision", "A decision has been recorded, so the appraisal it rested on can no longer be changed");
  }
  auto version = parse_version(trimmed(f, "version"), "the appraisal");
  Appraisal in;
  in.id = was->id;
  in.area_id = was->area_id;
  auto a = read_appraisal(s, user, f, in, {});
  if (!a || !version) {
    // The version's error last: wrong fields are a 400, an old version alone a 409.
    std::vector<FieldError> errors;
    if (!a) errors = a.error().fields;
    if (!version) errors.push_back(version.error().fields.front());
    return Error(std::move(errors));
  }
  std::string changed;
  const auto note = [&](const char* name, const std::string& before, const std::string& after) {
    if (before != after) changed += (changed.empty() ? "" : ", ") + std::string(name);
  };
  note("subject", std::string(to_string(was->subject)) + ":" + was->subject_id,
       std::string(to_string(a->subject)) + ":" + a->subject_id);
  note("needs_and_demand", was->needs_and_demand, a->needs_and_demand);
  note("quality_and_performance", was->quality_and_performance, a->quality_and_performance);
  note("cost", was->cost, a->cost);
  note("contract_terms", was->contract_terms, a->contract_terms);
  note("stakeholders", was->stakeholders, a->stakeholders);
  note("exit_plan", was->exit_plan, a->exit_plan);
  const std::int64_t now = s.clock.now_micros();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_appraisal(tx, *a, *version);
    if (saved) audit(tx, user, now, "decommissioning.edit", *a, "changed " + (changed.empty() ? "nothing" : changed));
  });
  if (!saved) return Error("version", "Someone else changed this appraisal first. Open it again.");
  a->version = *version + 1;
  return *a;
}

namespace {
// A contract decommissioned ends the Local Offer services it delivers on its
// end date, so families are told in time and nobody has to remember the day.
void end_delivered_services(RegisterServices& s, store::Tx& tx, const SignedIn& user, const Appraisal& a,
                            std::int64_t now) {
  if (a.subject != AppraisalSubject::contract) return;
  const auto c = store::find_contract(tx, user.area_id, a.subject_id);
  if (!c) return;
  const Date end = c->contract.end_on;
  bool changed = false;
  for (const auto& sid : c->contract.service_ids) {
    const auto ending = store::end_service_on(tx, user.area_id, sid, end, s.clock.today(), now);
    if (ending == store::ServiceEnding::unchanged) continue;
    changed = true;
    const bool closing = ending == store::ServiceEnding::closing;
    store::insert_audit(
        tx, {new_id("a"), user.area_id, now, user.user_id,
             closing ? "directory.service.closing" : "directory.service.withdraw", "service", sid, "",
             (closing ? "to close on " : "withdrawn from ") + format_date(end) + ", the end of " + c->contract.title,
             "decommissioned: appraisal " + a.id});
  }
  if (changed) store::bump_directory_version(tx, user.area_id);
}
}  // namespace

std::variant<Appraisal, Refused, Error> decide_appraisal(RegisterServices& s, const SignedIn& user,
                                                         const std::string& id, const FormFields& f) {
  if (user.role == Role::provider) return not_for_providers();
  std::optional<Appraisal> a;
  s.db.read([&](store::Tx& tx) { a = store::find_appraisal(tx, user.area_id, id); });
  if (!a) return Refused{404, "There is no decommissioning appraisal with that reference."};
  std::vector<FieldError> errors;
  const auto on = optional_date("decided_on", trimmed(f, "decided_on"), errors);
  const std::string text = trimmed(f, "decision");
  const auto decision = parse_decommission_decision(text);
  auto decided = decide(*a, decision, on, trimmed(f, "decided_by"), trimmed(f, "rationale"), s.clock.today());
  if (!decided) {
    for (const auto& e : decided.error().fields) {
      bool already = false;
      for (const auto& x : errors) already = already || x.field == e.field;
      if (!already) errors.push_back(e);
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  bool done = false;
  s.db.write([&](store::Tx& tx) {
    done = store::record_decision(tx, *decided);
    if (done) {
      audit(tx, user, now, "decommissioning.decide", *decided,
            std::string(to_string(*decided->decision)) + " on " + format_date(*decided->decided_on) + " by " +
                decided->decided_by);
      if (*decided->decision == DecommissionDecision::decommission) end_delivered_services(s, tx, user, *decided, now);
    }
  });
  if (!done) return Error("decision", "A decision has already been recorded for this appraisal");
  return *decided;
}

std::vector<std::pair<std::string, std::string>> appraisal_subjects(RegisterServices& s, const SignedIn& user) {
  std::vector<std::pair<std::string, std::string>> out;
  s.db.read([&](store::Tx& tx) {
    for (const auto& c : store::contracts(tx, user.area_id)) {
      out.emplace_back("contract:" + c.contract.id, "Contract: " + c.contract.title + " (" + c.provider_name + ")");
    }
    for (const auto& a : store::activities(tx, user.area_id)) {
      out.emplace_back("activity:" + a.activity.id, "Commissioning activity: " + a.activity.title);
    }
  });
  return out;
}

}  // namespace tandem::app
