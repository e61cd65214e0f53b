#include "app/plan_editing.h"

#include <algorithm>
#include <functional>

#include "app/crypto.h"
#include "app/form_values.h"
#include "app/plans.h"
#include "core/need.h"
#include "core/placement.h"
#include "profile/area_profiles.h"
#include "store/audit.h"
#include "store/children.h"
#include "store/plans.h"
#include "store/reviews.h"

namespace tandem::app {

namespace {

ResponsibilityMatrix matrix_of(const std::string& area_id) {
  auto profile = shipped_area_profile(area_id);
  return profile ? profile->responsibility : ResponsibilityMatrix{};
}

struct Loaded {
  store::StoredPlan stored;
  Child child;
  bool amending = false;  // a decision to amend after review stands
};

std::variant<Loaded, Refused> load(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                                   const std::string& route) {
  std::optional<store::StoredPlan> stored;
  bool amending = false;
  s.db.read([&](store::Tx& tx) {
    stored = store::find_plan(tx, user.area_id, plan_id);
    if (stored) amending = store::amendment_open(tx, user.area_id, plan_id);
  });
  if (!stored) return Refused{404, "There is no plan with that reference in your area."};
  auto child = child_for(s, user, stored->plan.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  return Loaded{std::move(*stored), std::get<Child>(child), amending};
}

// Saves the plan as a new version with its audit entry, and whatever else
// the change writes, in one transaction.
PlanEdit commit(RegisterServices& s, const SignedIn& user, const Plan& plan, std::int64_t expected,
                const std::string& action, const std::string& detail,
                const std::function<void(store::Tx&)>& also = {}) {
  if (auto valid = validate_plan(plan); !valid) {
    // While a final plan is being amended, changed health lines wait for the
    // ICB's agreement again; issuing the amended plan checks it (reg 12(2)).
    bool amending = false;
    if (plan.stage == PlanStage::final) {
      s.db.read([&](store::Tx& tx) { amending = store::amendment_open(tx, user.area_id, plan.id); });
    }
    std::vector<FieldError> remaining;
    for (const auto& e : valid.error().fields) {
      if (!(amending && e.field.ends_with(".icb_agreed"))) remaining.push_back(e);
    }
    if (!remaining.empty()) return Error(std::move(remaining));
  }
  const std::int64_t now = s.clock.now_micros();
  const auto costs = plan_costs(plan, s.clock.today());
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::save_plan(tx, user.area_id, plan, expected, costs, user.user_id, now);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, action, "plan", plan.id, plan.child_id,
                             detail + " (version " + std::to_string(expected + 1) + ")", ""});
    if (also) also(tx);
  });
  if (!saved) return Error("version", "Someone else saved this plan first. Open it again to see their change.");
  return PlanSaved{plan.id, expected + 1, {}, {}};
}

Result<ProvisionLine> line_from(const LineForm& f, const Plan& plan) {
  std::vector<FieldError> errors;
  ProvisionLine l;
  if (auto s = parse_section(f.section)) {
    l.section = *s;
  } else {
    errors.push_back({"section", "Choose the section the provision sits in: F, G, H1 or H2"});
  }
  if (find_provision_category(f.category)) {
    l.category = f.category;
  } else {
    errors.push_back({"category", "Choose what kind of provision this is from the list"});
  }
  // Provision must be specific and quantified (Code 9.69): what, how much,
  // how often and who provides it.
  auto required = [&](const char* field, const std::string& value, const char* message) {
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({field, message});
  };
  required("what", f.what, "Say what the provision is, specifically (SEND Code 9.69)");
  required("how_much", f.how_much, "Say how much: hours, minutes or sessions (SEND Code 9.69)");
  required("how_often", f.how_often, "Say how often: weekly, daily, termly (SEND Code 9.69)");
  required("provider", f.provider, "Say who provides it: a service, a team or a setting");
  l.what = f.what;
  l.how_much = f.how_much;
  l.how_often = f.how_often;
  l.provider.name = f.provider;
  if (auto level = parse_level(f.level)) {
    l.level = *level;
  } else {
    errors.push_back({"level", "Choose the level: universal, specialist or highly specialist"});
  }
  l.educates_or_trains = f.educates;
  if (auto cost = parse_pounds("annual_cost", f.annual_cost)) {
    if (cost->value < 0)
      errors.push_back({"annual_cost", "The annual cost cannot be negative"});
    else
      l.annual_cost = *cost;
  } else {
    errors.push_back(cost.error().fields.front());
  }
  for (const auto& id : f.outcome_ids) {
    const bool known =
        std::any_of(plan.outcomes.begin(), plan.outcomes.end(), [&](const Outcome& o) { return o.id == id; });
    if (!known) {
      errors.push_back({"outcome_ids", "Link the line only to outcomes of this plan"});
      break;
    }
    l.outcome_ids.push_back(id);
  }
  if (!errors.empty()) return fail(std::move(errors));
  return l;
}

// The securing agency and shares as recorded by hand.
Result<void> recorded_responsibility(const LineForm& f, ProvisionLine& l) {
  std::vector<FieldError> errors;
  if (auto a = parse_agency(f.securing)) {
    l.securing = *a;
  } else {
    errors.push_back({"securing", "Choose the agency that must secure this provision"});
  }
  l.paying.clear();
  for (std::size_t i = 0; i < f.pay_agency.size(); ++i) {
    if (f.pay_agency[i].empty() && f.pay_percent[i].empty()) continue;
    const std::string field = "paying[" + std::to_string(i) + "]";
    auto agency = parse_agency(f.pay_agency[i]);
    if (!agency) {
      errors.push_back({field + ".agency", "Choose the agency that pays this share"});
      continue;
    }
    auto share = parse_share_percent(field + ".percent", f.pay_percent[i]);
    if (!share) {
      errors.push_back(share.error().fields.front());
      continue;
    }
    l.paying.push_back({*agency, *share});
  }
  if (errors.empty()) {
    if (auto ok = validate_shares(l.paying, "paying"); !ok) {
      for (const auto& e : ok.error().fields) errors.push_back(e);
    }
  }
  const auto reason = f.override_reason.find_first_not_of(" \t\r\n");
  l.override_reason = reason == std::string::npos ? std::nullopt : std::optional<std::string>(f.override_reason);
  if (!errors.empty()) return fail(std::move(errors));
  return {};
}

bool same_provision(const ProvisionLine& a, const ProvisionLine& b) {
  return a.section == b.section && a.category == b.category && a.what == b.what && a.how_much == b.how_much &&
         a.how_often == b.how_often && a.provider == b.provider && a.annual_cost == b.annual_cost &&
         a.securing == b.securing && a.paying == b.paying;
}

}  // namespace

PlanEdit start_draft(RegisterServices& s, const SignedIn& user, const std::string& child_id) {
  const std::string route = "POST /children/" + child_id + "/plans";
  auto child = child_for(s, user, child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  const Child& c = std::get<Child>(child);
  std::vector<store::StoredPlan> existing;
  s.db.read([&](store::Tx& tx) { existing = store::plans_of_child(tx, user.area_id, child_id); });
  for (const auto& p : existing) {
    if (p.plan.stage == PlanStage::draft) return Error("plan", "This child already has a draft plan: open it instead");
    return Error("plan", "This child has a final plan: it changes through a review or a notice of amendment (reg 22)");
  }
  Plan plan;
  plan.id = new_id("p");
  plan.child_id = child_id;
  plan.stage = PlanStage::draft;
  plan.needs.primary_need = c.primary_need;
  return commit(s, user, plan, 0, "plan.start", "started a draft plan");
}

PlanEdit save_sections(RegisterServices& s, const SignedIn& user, const std::string& plan_id, const SectionsForm& f) {
  auto loaded = load(s, user, plan_id, "POST /plans/" + plan_id + "/sections");
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  Plan plan = std::get<Loaded>(loaded).stored.plan;
  auto expected = parse_version(f.version, "the plan");
  if (!expected) return expected.error();
  if (plan.stage == PlanStage::final && !std::get<Loaded>(loaded).amending) {
    return Error("stage", "A final plan changes only after a review or a notice of amendment (reg 22)");
  }
  std::vector<FieldError> errors;
  if (!f.primary_need.empty() && !find_need(f.primary_need)) {
    errors.push_back({"primary_need", "Choose a primary need from the DfE list"});
  }
  std::vector<std::string> secondary;
  std::string word;
  for (const char c : f.secondary_needs + " ") {
    if (c == ',' || c == ' ') {
      if (!word.empty()) secondary.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  for (const auto& code : secondary) {
    if (!find_need(code) || code == f.primary_need) {
      errors.push_back({"secondary_needs", "List other DfE need codes than the primary need, like SLCN, SEMH"});
      break;
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  plan.views = f.views;
  plan.needs.primary_need = f.primary_need;
  plan.needs.secondary_needs = secondary;
  plan.needs.text = f.needs_text;
  plan.health_needs = f.health_needs;
  plan.social_care_needs = f.social_care_needs;
  return commit(s, user, plan, *expected, "plan.sections", "changed sections A to D");
}

Result<Proposal> propose_for_form(const std::string& area_id, const LineForm& form) {
  ProvisionLine l;
  auto section = parse_section(form.section);
  if (!section) return fail("section", "Choose the section the provision sits in: F, G, H1 or H2");
  if (!find_provision_category(form.category)) return fail("category", "Choose what kind of provision this is");
  l.section = *section;
  l.category = form.category;
  l.educates_or_trains = form.educates;
  return propose_responsibility(l, matrix_of(area_id));
}

PlanEdit save_line(RegisterServices& s, const SignedIn& user, const std::string& plan_id, const std::string& line_id,
                   const LineForm& form) {
  auto loaded = load(s, user, plan_id, "POST /plans/" + plan_id + "/lines");
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  auto& [stored, child, amending] = std::get<Loaded>(loaded);
  auto expected = parse_version(form.version, "the plan");
  if (!expected) return expected.error();
  Plan plan = stored.plan;
  auto existing = std::find_if(plan.provision.begin(), plan.provision.end(),
                               [&](const ProvisionLine& l) { return !line_id.empty() && l.id == line_id; });
  if (!line_id.empty() && existing == plan.provision.end()) return Refused{404, "This plan has no such line."};
  if (plan.stage == PlanStage::final && !amending) {
    return Error("stage", "A final plan changes only after a review or a notice of amendment (reg 22)");
  }

  auto parsed = line_from(form, plan);
  if (!parsed) return parsed.error();
  ProvisionLine line = std::move(*parsed);
  line.id = line_id.empty() ? new_id("l") : line_id;
  const Proposal proposal = propose_responsibility(line, matrix_of(user.area_id));
  bool departs = false;
  if (form.responsibility == "proposed") {
    line = apply_proposal(std::move(line), proposal);
  } else if (form.responsibility == "recorded") {
    if (auto ok = recorded_responsibility(form, line); !ok) return ok.error();
    auto flags = check_against_proposal(line, proposal);
    if (!flags) return flags.error();
    departs = std::find(flags->begin(), flags->end(), LineFlag::needs_partner_agreement) != flags->end();
    if (departs) {
      line.rule = "Recorded against the proposal (" + proposal.rule + ")";
    } else {
      line.rule = proposal.rule;
      line.override_reason.reset();
    }
  } else {
    return Error("responsibility", "Choose whether to take the proposal or record who secures and pays");
  }
  if (existing != plan.provision.end()) {
    // The ICB agreed to the line as it was; a changed line needs agreeing again.
    line.icb_agreed = existing->icb_agreed && same_provision(*existing, line);
    *existing = line;
  } else {
    plan.provision.push_back(line);
  }

  std::optional<Disagreement> opened;
  if (departs) {
    auto d = open_disagreement(new_id("d"), user.area_id, plan.child_id, plan.id, line, proposal, user.user_id,
                               s.clock.today());
    if (!d) return d.error();
    opened = std::move(*d);
  }
  const std::string detail = std::string(line_id.empty() ? "added" : "changed") + " section " +
                             std::string(to_string(line.section)) + " line: " + line.what;
  const std::vector<Agency> parties = parties_to(line, proposal);
  const Date today = s.clock.today();
  auto out = commit(s, user, plan, *expected, "plan.line", detail, [&](store::Tx& tx) {
    // An agency that secures or pays for a line is involved with the child:
    // it must see the plan to agree its part (reg 12(2); CFA s26).
    const auto involved = store::involvements_of(tx, plan.child_id);
    for (const Agency a : parties) {
      const bool already = std::any_of(involved.begin(), involved.end(), [&](const CaseInvolvement& i) {
        return i.agency == a && i.user_id.empty() && !i.ended_on;
      });
      if (already) continue;
      store::insert_involvement(tx, user.area_id, plan.child_id,
                                {new_id("i"), a, "", "", "Secures or pays for provision in the EHC plan", today, {}});
    }
    for (auto& old : store::open_disagreements_of_line(tx, user.area_id, plan.id, line.id)) {
      old.d.withdrawn = true;
      store::update_disagreement(tx, old.d, old.version);
    }
    if (opened) {
      store::insert_disagreement(tx, *opened);
      store::insert_audit(
          tx, {new_id("a"), user.area_id, s.clock.now_micros(), user.user_id, "disagreement.open", "disagreement",
               opened->id, plan.child_id, opened->recorded + ": " + opened->reason, ""});
    }
  });
  if (auto* saved = std::get_if<PlanSaved>(&out)) {
    saved->line_id = line.id;
    if (opened) saved->disagreement = opened->id;
  }
  return out;
}

PlanEdit save_outcome(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                      const std::string& outcome_id, const OutcomeForm& form) {
  auto loaded = load(s, user, plan_id, "POST /plans/" + plan_id + "/outcomes");
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  Plan plan = std::get<Loaded>(loaded).stored.plan;
  auto expected = parse_version(form.version, "the plan");
  if (!expected) return expected.error();
  if (plan.stage == PlanStage::final && !std::get<Loaded>(loaded).amending) {
    return Error("stage", "A final plan changes only after a review or a notice of amendment (reg 22)");
  }
  std::vector<FieldError> errors;
  if (form.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"text", "Say what the child or young person will achieve, specifically"});
  }
  // An outcome is specific, with the date it should be achieved by (reg 12(1)(e); Code 9.66).
  auto target = parse_date("target_date", form.target_date);
  if (!target) errors.push_back(target.error().fields.front());
  if (!errors.empty()) return Error(std::move(errors));
  Outcome o{outcome_id.empty() ? new_id("o") : outcome_id, form.text, *target};
  auto it = std::find_if(plan.outcomes.begin(), plan.outcomes.end(), [&](const Outcome& x) { return x.id == o.id; });
  if (!outcome_id.empty() && it == plan.outcomes.end()) return Refused{404, "This plan has no such outcome."};
  if (it != plan.outcomes.end())
    *it = o;
  else
    plan.outcomes.push_back(o);
  return commit(s, user, plan, *expected, "plan.outcome",
                std::string(outcome_id.empty() ? "added" : "changed") + " outcome: " + o.text);
}

PlanEdit agree_health_line(RegisterServices& s, const SignedIn& user, const std::string& plan_id,
                           const std::string& line_id, const std::string& version) {
  auto loaded = load(s, user, plan_id, "POST /plans/" + plan_id + "/lines/" + line_id + "/agreement");
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  Plan plan = std::get<Loaded>(loaded).stored.plan;
  auto expected = parse_version(version, "the plan");
  if (!expected) return expected.error();
  auto line = std::find_if(plan.provision.begin(), plan.provision.end(),
                           [&](const ProvisionLine& l) { return l.id == line_id; });
  if (line == plan.provision.end()) return Refused{404, "This plan has no such line."};
  if (line->section != Section::G) {
    return Error("line", "Only health provision (section G) needs the ICB's agreement (reg 12(2))");
  }
  if (!line->securing || *line->securing != user.agency) {
    return Refused{403, "Only the NHS body that secures this line can agree it (CFA s42(3); reg 12(2))."};
  }
  if (line->icb_agreed) return Error("line", "This line is already agreed");
  line->icb_agreed = true;
  return commit(s, user, plan, *expected, "plan.health_agreement",
                std::string(agency_label(user.agency)) + " agreed section G line: " + line->what);
}

PlanEdit issue_final(RegisterServices& s, const SignedIn& user, const std::string& plan_id, const FinalForm& form) {
  auto loaded = load(s, user, plan_id, "POST /plans/" + plan_id + "/final");
  if (auto* r = std::get_if<Refused>(&loaded)) return *r;
  Plan plan = std::get<Loaded>(loaded).stored.plan;
  auto expected = parse_version(form.version, "the plan");
  if (!expected) return expected.error();
  if (plan.stage == PlanStage::final) return Error("stage", "This plan is already final");
  std::vector<FieldError> errors;
  auto issued = parse_date("issued_on", form.issued_on);
  if (!issued)
    errors.push_back(issued.error().fields.front());
  else if (*issued > s.clock.today())
    errors.push_back({"issued_on", "A plan cannot be issued on a future date"});
  auto type = parse_setting_type(form.setting_type);
  if (!type) errors.push_back({"setting_type", "Name the type of setting (reg 12(1)(i))"});
  const bool named = form.setting_name.find_first_not_of(" \t") != std::string::npos;
  std::string urn = form.setting_urn, ukprn = form.setting_ukprn;
  check_setting_ids(urn, ukprn, "setting_urn", "setting_ukprn", errors);
  if (!urn.empty() && !ukprn.empty())
    errors.push_back({"setting_ukprn", "Give the school's URN or the college's UKPRN, not both"});
  if ((!urn.empty() || !ukprn.empty()) && !named)
    errors.push_back({"setting_name", "Enter the name of the setting whose URN or UKPRN you gave"});
  if (!errors.empty()) return Error(std::move(errors));
  plan.stage = PlanStage::final;
  PlacementSection placement;
  if (named) placement.setting_name = form.setting_name;
  placement.setting_type = *type;
  if (named && urn.empty() && ukprn.empty()) {
    // The setting as Tandem already knows it, from its children's records.
    s.db.read([&](store::Tx& tx) {
      const auto known = store::setting_ids(tx, user.area_id, form.setting_name);
      urn = known.urn;
      ukprn = known.ukprn;
    });
  }
  placement.urn = urn;
  placement.ukprn = ukprn;
  plan.placement = placement;
  const Date made = *issued;
  const std::string ids = !urn.empty() ? ", setting URN " + urn : !ukprn.empty() ? ", setting UKPRN " + ukprn : "";
  return commit(s, user, plan, *expected, "plan.final", "issued the final plan on " + format_date(made) + ids,
                [&](store::Tx& tx) { store::set_plan_review_dates(tx, user.area_id, plan.id, made, std::nullopt); });
}

std::variant<store::StoredDisagreement, Refused> open_disagreement_record(RegisterServices& s, const SignedIn& user,
                                                                          const std::string& id,
                                                                          const std::string& route) {
  std::optional<store::StoredDisagreement> found;
  s.db.read([&](store::Tx& tx) { found = store::find_disagreement(tx, user.area_id, id); });
  if (!found) return Refused{404, "There is no disagreement with that reference in your area."};
  auto child = child_for(s, user, found->d.child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  s.access_log.record(
      {new_id("r"), user.area_id, s.clock.now_micros(), user.user_id, route, found->d.child_id, "shown"});
  return *found;
}

DisagreementEdit record_agency_position(RegisterServices& s, const SignedIn& user, const std::string& id,
                                        const std::string& position, const std::string& note,
                                        const std::string& version) {
  auto found = open_disagreement_record(s, user, id, "POST /disagreements/" + id);
  if (auto* r = std::get_if<Refused>(&found)) return *r;
  auto stored = std::get<store::StoredDisagreement>(found);
  auto expected = parse_version(version, "the disagreement");
  if (!expected) return expected.error();
  auto p = parse_position(position);
  if (!p || *p == Position::pending) return Error("position", "Choose whether your agency agrees or disagrees");
  auto next = record_position(stored.d, user.agency, *p, note, user.user_id, s.clock.today());
  if (!next) return next.error();
  bool saved = false;
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    saved = store::update_disagreement(tx, *next, *expected);
    if (!saved) return;
    store::insert_audit(
        tx,
        {new_id("a"), user.area_id, now, user.user_id, "disagreement.position", "disagreement", id, next->child_id,
         std::string(agency_label(user.agency)) + " " + std::string(to_string(*p)) + (note.empty() ? "" : ": " + note),
         ""});
  });
  if (!saved) return Error("version", "Someone else recorded a position first. Open the disagreement again.");
  stored.d = std::move(*next);
  stored.version = *expected + 1;
  return stored;
}

std::vector<store::StoredDisagreement> area_disagreement_list(RegisterServices& s, const SignedIn& user,
                                                              const std::string& status, const std::string& route) {
  constexpr int kShown = 200;
  std::vector<store::StoredDisagreement> rows, out;
  s.db.read([&](store::Tx& tx) {
    rows = store::area_disagreements(tx, user.area_id, status, kShown);
    for (auto& r : rows) {
      if (can_see_child(user.principal(), current_involvements(store::involvements_of(tx, r.d.child_id))))
        out.push_back(std::move(r));
    }
  });
  std::string shown;
  for (const auto& r : out) shown += (shown.empty() ? "" : " ") + r.d.child_id;
  if (!out.empty()) {
    s.access_log.record({new_id("r"), user.area_id, s.clock.now_micros(), user.user_id, route, shown, "shown"});
  }
  return out;
}

std::vector<store::StoredDisagreement> plan_disagreements(RegisterServices& s, const SignedIn& user,
                                                          const std::string& plan_id) {
  std::vector<store::StoredDisagreement> out;
  s.db.read([&](store::Tx& tx) { out = store::disagreements_of_plan(tx, user.area_id, plan_id); });
  return out;
}

}  // namespace tandem::app
