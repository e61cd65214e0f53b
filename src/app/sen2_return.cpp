#include "app/sen2_return.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>

#include "app/csv_cells.h"
#include "core/assessment.h"
#include "profile/area_profiles.h"
#include "store/people.h"

namespace tandem::app {

namespace {

using sen2::Node;

std::string d(const std::optional<Date>& x) { return x ? format_date(*x) : std::string(); }

std::string request_source_code(RequestSource s) {
  switch (s) {
    case RequestSource::parent:
    case RequestSource::young_person: return "1";
    case RequestSource::school_or_setting: return "2";
    case RequestSource::other_professional: return "5";
  }
  return "5";
}

// SENSetting for a placement with no URN: only the kinds of arrangement the
// guide lists; a school or college needs its URN or UKPRN, which Tandem does
// not hold, so it is left for the report to ask for.
std::string setting_code(SettingType t) {
  switch (t) {
    case SettingType::educated_elsewhere: return "OLA";
    case SettingType::neet: return "NEET";
    case SettingType::early_years: return "EYP";
    case SettingType::other: return "OTH";
    default: return "";
  }
}

std::string review_code(ReviewDecision r) {
  switch (r) {
    case ReviewDecision::maintain: return "M";
    case ReviewDecision::amend: return "A";
    case ReviewDecision::cease: return "C";
  }
  return "";
}

// What Tandem knows of a setting's SEN unit: its setting type does not tell a
// SEN unit from resourced provision, so a "mainstream unit" is written as a SEN
// unit. Indicators still missing when the person is sent are written 0
// (person_to_send), after a file's own values have been taken.
void add_indicators(Node& pd, SettingType t) {
  if (t == SettingType::mainstream_unit) pd.add("sen_unit_indicator", "1");
}

bool in(Date x, Date from, Date to) { return x >= from && x <= to; }

// A placement's setting as the return names it: its URN, else its UKPRN, else
// the kind of arrangement. A placement with neither takes them from the
// setting of the same name in the plan's section I, else (when current) from
// the setting named on the child's record.
void add_setting(Node& pd, const Placement& pl, const Child& child, const store::Sen2Plan* plan) {
  std::string urn = pl.urn, ukprn = pl.ukprn;
  if (urn.empty() && ukprn.empty() && plan && !plan->setting_name.empty() && pl.setting_name == plan->setting_name) {
    urn = plan->setting_urn;
    ukprn = plan->setting_ukprn;
  }
  if (urn.empty() && ukprn.empty() && !pl.end_date && pl.setting_name == child.setting_name) {
    urn = child.setting_urn;
    ukprn = child.setting_ukprn;
  }
  if (!urn.empty())
    pd.add("urn", urn);
  else if (!ukprn.empty())
    pd.add("ukprn", ukprn);
  else
    pd.add("sen_setting", setting_code(pl.setting_type));
}

struct LinkedPlan {
  const store::Sen2Plan* plan;
  const Assessment* assessment;  // nullptr: made before Tandem held the request
};

}  // namespace

Sen2Period sen2_period(int year) {
  Sen2Period p;
  p.year = year;
  p.census = *parse_date("census", sen2::census_date(year));
  p.activity_from = make_date(year - 1, 1, 1);
  p.activity_to = make_date(year - 1, 12, 31);
  return p;
}

std::optional<Node> derive_person(const store::Sen2Area& area, const Child& child, const Sen2Period& period, Date today,
                                  bool include_all) {
  static const std::vector<Assessment> no_assessments;
  static const std::vector<store::Sen2Plan> no_plans;
  static const std::vector<Placement> no_placements;
  static const std::vector<SecondaryNeed> no_needs;
  static const std::vector<store::Sen2Appeal> no_appeals;
  auto find_or = [](const auto& m, const std::string& k, const auto& fallback) -> const auto& {
    const auto it = m.find(k);
    return it == m.end() ? fallback : it->second;
  };
  const auto& assessments = find_or(area.assessments, child.id, no_assessments);
  const auto& plans = find_or(area.plans, child.id, no_plans);
  const auto& placements = find_or(area.placements, child.id, no_placements);
  const auto& needs = find_or(area.needs, child.id, no_needs);
  const auto& appeals = find_or(area.appeals, child.id, no_appeals);

  // Each final plan belongs to the assessment whose final plan it is: issued
  // that day, else the latest issued before it.
  std::vector<LinkedPlan> linked;
  std::set<const Assessment*> used;
  for (const auto& p : plans) {
    if (p.stage != "final" || !p.made_on) continue;
    const Assessment* best = nullptr;
    for (const auto& a : assessments) {
      if (!a.final_issued_on || used.contains(&a) || *a.final_issued_on > *p.made_on) continue;
      if (!best || *a.final_issued_on > *best->final_issued_on) best = &a;
    }
    if (best) used.insert(best);
    linked.push_back({&p, best});
  }
  auto cease_of = [&](const store::Sen2Plan& p) -> const store::Sen2Cessation* {
    const auto it = area.cessations.find(p.id);
    return it == area.cessations.end() ? nullptr : &it->second;
  };
  auto active_at_census = [&](const store::Sen2Plan& p) {
    if (!p.made_on || *p.made_on > period.census) return false;
    const auto* c = cease_of(p);
    return !c || c->decided_on > period.census;
  };
  auto ceased_in_year = [&](const store::Sen2Plan& p) {
    const auto* c = cease_of(p);
    return c && in(c->decided_on, period.activity_from, period.activity_to);
  };
  auto request_relevant = [&](const Assessment& a) {
    if (a.received_on > period.census) return false;
    const bool open_at_census = !(a.final_issued_on && *a.final_issued_on <= period.census) &&
                                !(a.not_to_issue_on && *a.not_to_issue_on <= period.census) &&
                                !(a.decided_on && !a.assess && *a.decided_on <= period.census) &&
                                !(a.withdrawn_on && *a.withdrawn_on <= period.census);
    if (open_at_census) return true;
    for (const auto& x :
         {std::optional(a.received_on), a.decided_on, a.not_to_issue_on, a.final_issued_on, a.withdrawn_on})
      if (x && in(*x, period.activity_from, period.activity_to)) return true;
    return false;
  };

  bool include = include_all;
  for (const auto& l : linked) include = include || active_at_census(*l.plan) || ceased_in_year(*l.plan);
  for (const auto& a : assessments) include = include || request_relevant(a);
  if (!include) return std::nullopt;

  Node person{"person", {}, {}};
  person.add("surname", child.family_name);
  person.add("forename", child.given_name);
  person.add("person_birth_date", format_date(child.date_of_birth));
  person.add("sex", child.sex);
  person.add("ethnicity", child.ethnicity);
  person.add("post_code", child.postcode);
  person.add("upn", child.upn);
  if (child.upn.empty()) person.add("upn_unknown", child.upn_unknown);

  auto appeal_flags = [&](Node& n, AppealedDecision decision, Date after, const char* mediation_key,
                          const char* tribunal_key) {
    bool tribunal = false, mediation = false;
    for (const auto& ap : appeals) {
      if (ap.decision != decision || ap.registered_on < after) continue;
      tribunal = true;
      mediation = mediation || ap.mediation;
    }
    n.add(mediation_key, mediation ? "1" : "0");
    n.add(tribunal_key, tribunal ? "1" : "0");
  };

  auto add_named_plan = [&](Node& assessment_node, const store::Sen2Plan& p) {
    Node& np = assessment_node.add("named_plan");
    np.add("start_date", d(p.made_on));
    if (const auto* c = cease_of(p); c && c->decided_on <= period.census) {
      np.add("cease_date", format_date(c->decided_on));
      np.add("cease_reason", std::to_string(sen2_code(c->reason)));
    }
    // The setting named: the placement current when the plan started, or the latest.
    const Placement* named = nullptr;
    for (const auto& pl : placements)
      if (pl.start_date <= *p.made_on && (!pl.end_date || *pl.end_date >= *p.made_on)) named = &pl;
    if (!named && !placements.empty()) named = &placements.back();
    if (!p.setting_urn.empty() || !p.setting_ukprn.empty()) {
      // The setting the plan names in section I, as the caseworker gave it.
      Node& pd = np.add("plan_detail");
      if (!p.setting_urn.empty())
        pd.add("urn", p.setting_urn);
      else
        pd.add("ukprn", p.setting_ukprn);
      pd.add("placement_rank", "1");
      add_indicators(pd, named ? named->setting_type : SettingType::mainstream);
    } else if (named) {
      Node& pd = np.add("plan_detail");
      add_setting(pd, *named, child, &p);
      pd.add("placement_rank", "1");
      add_indicators(pd, named->setting_type);
    }
  };

  auto add_active = [&](Node& req, const store::Sen2Plan& p) {
    Node& ap = req.add("active_plans");
    if (const auto it = area.latest_reviews.find(p.id); it != area.latest_reviews.end()) {
      if (in(it->second.meeting_on, period.activity_from, period.census)) {
        ap.add("review_meeting", format_date(it->second.meeting_on));
        if (it->second.decision) ap.add("review_outcome", review_code(*it->second.decision));
      }
    }
    if (p.last_reviewed_on && *p.last_reviewed_on <= period.census) ap.add("last_review", d(p.last_reviewed_on));
    // DfE's schema takes at most two placements, ranked 1 and 2 (a dual
    // placement): those current on the census date; with none, the last one
    // that ended in the collection period, so the plan's setting is still named.
    std::vector<const Placement*> current;
    const Placement* last_ended = nullptr;
    for (const auto& pl : placements) {
      if (pl.start_date > period.census) continue;
      if (!pl.end_date || *pl.end_date >= period.census)
        current.push_back(&pl);
      else if (*pl.end_date >= period.activity_from && (!last_ended || *pl.end_date >= *last_ended->end_date))
        last_ended = &pl;
    }
    if (current.empty() && last_ended) current.push_back(last_ended);
    if (current.size() > 2) current.resize(2);
    int rank = 0;
    for (const auto* pl : current) {
      Node& pd = ap.add("placement_detail");
      add_setting(pd, *pl, child, &p);
      pd.add("placement_rank", std::to_string(++rank));
      pd.add("entry_date", format_date(pl->start_date));
      // As at the census date: a child who left afterwards had not yet left.
      if (pl->end_date && *pl->end_date <= period.census) pd.add("leaving_date", format_date(*pl->end_date));
      add_indicators(pd, pl->setting_type);
    }
    // At most two needs: the primary (rank 1) and the first-ranked secondary need (rank 2).
    if (!child.primary_need.empty()) {
      Node& n = ap.add("sen_need");
      n.add("sen_type", child.primary_need);
      n.add("sen_type_rank", "1");
    }
    const SecondaryNeed* second = nullptr;
    for (const auto& n2 : needs)
      if (n2.code != child.primary_need && (!second || n2.rank < second->rank)) second = &n2;
    if (second) {
      Node& n = ap.add("sen_need");
      n.add("sen_type", second->code);
      n.add("sen_type_rank", "2");
    }
  };

  // Requests Tandem holds, by date received, each with its assessment and plan.
  for (const auto& a : assessments) {
    const LinkedPlan* lp = nullptr;
    for (const auto& l : linked)
      if (l.assessment == &a) lp = &l;
    const bool plan_relevant = lp && (active_at_census(*lp->plan) || ceased_in_year(*lp->plan));
    if (!request_relevant(a) && !plan_relevant && !include_all) continue;
    Node& req = person.add("requests");
    req.add("received_date", format_date(a.received_on));
    req.add("request_source", request_source_code(a.source));
    const auto by_census = [&](const std::optional<Date>& x) { return x && *x <= period.census; };
    if (by_census(a.withdrawn_on) && !by_census(a.decided_on)) {
      // Withdrawn by the family or school before a decision whether to assess.
      req.add("request_outcome_date", format_date(*a.withdrawn_on));
      req.add("request_outcome", "W");
    } else if (a.decided_on && *a.decided_on <= period.census) {
      req.add("request_outcome_date", format_date(*a.decided_on));
      req.add("request_outcome", a.assess ? "Y" : "N");
      if (!a.assess)
        appeal_flags(req, AppealedDecision::refusal_to_assess, *a.decided_on, "request_mediation", "request_tribunal");
    } else {
      req.add("request_outcome", "A");  // decision yet to be made
    }
    if (a.decided_on && a.assess && *a.decided_on <= period.census) {
      Node& as = req.add("assessment");
      if (a.final_issued_on && *a.final_issued_on <= period.census) {
        as.add("assessment_outcome", "Y");
        as.add("assessment_outcome_date", format_date(*a.final_issued_on));
        appeal_flags(as, AppealedDecision::plan_contents, *a.final_issued_on, "other_mediation", "other_tribunal");
        as.add("week20", twenty_weeks_lifted(a, today) ? "1" : "0");
        if (lp) add_named_plan(as, *lp->plan);
      } else if (a.not_to_issue_on && *a.not_to_issue_on <= period.census) {
        as.add("assessment_outcome", "N");
        as.add("assessment_outcome_date", format_date(*a.not_to_issue_on));
        appeal_flags(as, AppealedDecision::refusal_to_issue, *a.not_to_issue_on, "assessment_mediation",
                     "assessment_tribunal");
      } else if (by_census(a.withdrawn_on)) {
        as.add("assessment_outcome", "W");  // withdrawn before a decision whether to issue
        as.add("assessment_outcome_date", format_date(*a.withdrawn_on));
      } else {
        as.add("assessment_outcome", "A");  // decision yet to be made
      }
    }
    if (lp && active_at_census(*lp->plan)) add_active(req, *lp->plan);
  }
  // Plans made before Tandem held their request: a historic request.
  for (const auto& l : linked) {
    if (l.assessment || !(active_at_census(*l.plan) || ceased_in_year(*l.plan) || include_all)) continue;
    Node& req = person.add("requests");
    req.add("request_outcome", "H");
    Node& as = req.add("assessment");
    as.add("assessment_outcome", "H");
    add_named_plan(as, *l.plan);
    if (active_at_census(*l.plan)) add_active(req, *l.plan);
  }
  return person;
}

namespace {

// Fills the leaves `derived` leaves empty from `file`, element by element
// (the n-th Requests of one with the n-th of the other).
void overlay(Node& derived, const Node& file, const sen2::Schema& schema) {
  const auto& spec = schema.element(derived.key);
  for (const auto& key : spec.children) {
    const auto& cs = schema.element(key);
    const auto theirs = file.all(key);
    if (cs.type != sen2::ValueType::container) {
      if (theirs.empty() || theirs.front()->text.empty()) continue;
      if (Node* mine = nullptr; [&] {
            for (auto& c : derived.children)
              if (c.key == key) mine = &c;
            return mine != nullptr;
          }()) {
        if (mine->text.empty()) mine->text = theirs.front()->text;
      } else {
        derived.add(key, theirs.front()->text);
      }
      continue;
    }
    std::size_t i = 0;
    for (auto& c : derived.children) {
      if (c.key != key) continue;
      if (i < theirs.size()) overlay(c, *theirs[i], schema);
      ++i;
    }
  }
}

}  // namespace

Node person_to_send(const Node& derived, const store::Sen2Stored* stored, const sen2::Schema& schema) {
  Node out = derived;
  if (stored) {
    Node file = sen2::node_from_json(stored->person_json);
    if (sen2::to_json(derived) == stored->derived_json) return file;
    overlay(out, file, schema);
  }
  // Codes Tandem records that the year's list lacks go as the year's code
  // (an extended ethnicity code as its main code; DS as OTH when the list has no DS).
  std::function<void(Node&)> recode = [&](Node& n) {
    const auto& spec = schema.element(n.key);
    if (spec.type == sen2::ValueType::code && !n.text.empty()) n.text = schema.export_code(spec.codes, n.text);
    for (auto& c : n.children) recode(c);
  };
  recode(out);
  // A reason the UPN is not known goes only without a UPN (a file's reason is not
  // sent beside a UPN recorded in Tandem since).
  if (!out.value("upn").empty()) std::erase_if(out.children, [](const Node& c) { return c.key == "upn_unknown"; });
  // DfE's schema requires both indicators on every setting named.
  std::function<void(Node&)> indicators = [&](Node& n) {
    if (n.key == "plan_detail" || n.key == "placement_detail")
      for (const char* key : {"sen_unit_indicator", "resourced_provision_indicator"}) {
        auto it = std::find_if(n.children.begin(), n.children.end(), [&](const Node& c) { return c.key == key; });
        if (it == n.children.end())
          n.add(key, "0");
        else if (it->text.empty())
          it->text = "0";
      }
    for (auto& c : n.children) indicators(c);
  };
  indicators(out);
  // Ethnicity not recorded: "information not yet obtained" until it is known.
  if (out.value("ethnicity").empty()) {
    Node e{"ethnicity", "NOBT", {}};
    auto at = std::find_if(out.children.begin(), out.children.end(), [](const Node& c) { return c.key == "sex"; });
    out.children.insert(at == out.children.end() ? at : at + 1, e);
  }
  return out;
}

// ---- Checks ------------------------------------------------------------------------

namespace {
// Sends each problem of a request to the page where it is put right: the case
// of the request received that day, or the plan that started on the named
// plan's start date. A setting's URN, the needs and the placements are the
// child's record (the messages say so), which is where problems start.
void link_to_cases(std::vector<Sen2Problem>& problems, std::size_t from, const Node& person, const sen2::Schema& schema,
                   const store::Sen2Area& area, const std::string& child_id) {
  static const std::vector<Assessment> no_assessments;
  static const std::vector<store::Sen2Plan> no_plans;
  const auto a_it = area.assessments.find(child_id);
  const auto p_it = area.plans.find(child_id);
  const auto& assessments = a_it == area.assessments.end() ? no_assessments : a_it->second;
  const auto& plans = p_it == area.plans.end() ? no_plans : p_it->second;
  const auto requests = person.all("requests");
  const std::string prefix = schema.element("requests").name + "[";
  const std::string named_plan = "/" + schema.element("named_plan").name;
  for (std::size_t k = from; k < problems.size(); ++k) {
    auto& p = problems[k];
    if (!p.path.starts_with(prefix) || p.path.find("/" + schema.element("active_plans").name) != std::string::npos ||
        p.path.find("/" + schema.element("plan_detail").name) != std::string::npos)
      continue;
    const std::size_t i = std::stoul(p.path.substr(prefix.size()));
    if (i == 0 || i > requests.size()) continue;
    const Node& req = *requests[i - 1];
    const auto* np = req.child("assessment") ? req.child("assessment")->child("named_plan") : nullptr;
    if (np && (p.path.find(named_plan) != std::string::npos || req.value("received_date").empty())) {
      const auto start = parse_date("start_date", np->value("start_date"));
      for (const auto& plan : plans)
        if (start && plan.made_on == *start) p.page = "/plans/" + plan.id;
      continue;
    }
    const auto received = parse_date("received_date", req.value("received_date"));
    for (const auto& a : assessments)
      if (received && a.received_on == *received) p.page = "/assessments/" + a.id;
  }
}
}  // namespace

std::vector<Sen2Problem> check_person(const Node& person, const std::string& child_id, const sen2::Schema& schema,
                                      const Sen2Period& period) {
  std::vector<Sen2Problem> out;
  const std::string who = person.value("surname") + ", " + person.value("forename");
  auto add = [&](const char* severity, const char* rule, const std::string& path, const std::string& message) {
    out.push_back({severity, rule, child_id, who, path, message, "/children/" + child_id});
  };
  auto name = [&](const char* key) { return schema.element(key).name; };
  auto date_of = [](const std::string& s) -> std::optional<Date> {
    if (s.empty()) return std::nullopt;
    auto r = parse_date("date", s);
    return r ? std::optional(*r) : std::nullopt;
  };
  // Every coded value from the year's lists (imported values were checked on reading).
  std::function<void(const Node&, const std::string&)> codes = [&](const Node& n, const std::string& path) {
    const auto& spec = schema.element(n.key);
    if (spec.type == sen2::ValueType::code && !n.text.empty() && !schema.allows(spec.codes, n.text))
      add("error", "SEN2-E01", path,
          spec.name + " '" + n.text + "' is not allowed; allowed: " + schema.allowed_text(spec.codes));
    std::map<std::string, int> seen;
    for (const auto& c : n.children) {
      const auto& cs = schema.element(c.key);
      const int i = ++seen[c.key];
      codes(c, path + (path.empty() ? "" : "/") + cs.name + (cs.repeats ? "[" + std::to_string(i) + "]" : ""));
    }
  };
  {
    std::map<std::string, int> seen;
    for (const auto& c : person.children) {
      const auto& cs = schema.element(c.key);
      const int i = ++seen[c.key];
      codes(c, cs.name + (cs.repeats ? "[" + std::to_string(i) + "]" : ""));
    }
  }
  if (person.value("ethnicity").empty()) add("error", "SEN2-E02", name("ethnicity"), "Ethnicity is missing");
  if (person.value("ethnicity") == "NOBT")
    add("query", "SEN2-Q06", name("ethnicity"),
        "Ethnicity not yet obtained (NOBT): record it on the child's record (ask the family or the school)");
  if (person.value("upn").empty() && person.value("unique_learner_number").empty() &&
      person.value("upn_unknown").empty())
    add("error", "SEN2-E03", name("upn"),
        "Give the UPN, the unique learner number, or the reason neither is known (UPNunknown, " +
            schema.allowed_text("upn_unknown") + ") on the child's record");
  if (person.value("sex").empty()) add("error", "SEN2-E04", name("sex"), "Sex is missing");
  const auto born = date_of(person.value("person_birth_date"));
  int ri = 0;
  for (const auto* req : person.all("requests")) {
    const std::string rp = name("requests") + "[" + std::to_string(++ri) + "]";
    const auto received = date_of(req->value("received_date"));
    const auto outcome_on = date_of(req->value("request_outcome_date"));
    if (!received && req->value("request_outcome") != "H")
      add("error", "SEN2-E05", rp + "/" + name("received_date"), "The date the request was received is missing");
    if (!received && req->value("request_outcome") == "H")
      add("query", "SEN2-Q01", rp + "/" + name("received_date"),
          "Plan made before Tandem held its request: the date the request was received is not known");
    if (received && born && *received < *born)
      add("error", "SEN2-E06", rp + "/" + name("received_date"), "The request is dated before the child was born");
    if (received && *received > period.census)
      add("error", "SEN2-E06", rp + "/" + name("received_date"), "The request is dated after the census date");
    if (received && outcome_on && *outcome_on < *received)
      add("error", "SEN2-E07", rp + "/" + name("request_outcome_date"),
          "The request's outcome is dated before the request was received");
    // A request withdrawn (W) has its outcome; one undecided (A, or none) or
    // decided with no date to show when is what DfE queries after 6 weeks.
    const std::string request_outcome = req->value("request_outcome");
    const bool undecided = request_outcome.empty() || request_outcome == "A" ||
                           ((request_outcome == "Y" || request_outcome == "N") && !outcome_on);
    if (received && undecided && (period.census - *received).count() > 42)
      add("error", "SEN2-E08", rp + "/" + name("request_outcome"),
          "No decision whether to assess, more than 6 weeks after the request was received (" + format_date(*received) +
              ")");
    if (const auto* as = req->child("assessment")) {
      const std::string ap = rp + "/" + name("assessment");
      const auto assessed_on = date_of(as->value("assessment_outcome_date"));
      if (assessed_on && outcome_on && *assessed_on < *outcome_on)
        add("error", "SEN2-E07", ap + "/" + name("assessment_outcome_date"),
            "The assessment's outcome is dated before the decision to assess");
      const std::string outcome = as->value("assessment_outcome");
      if ((outcome == "Y" || outcome == "H") && !as->child("named_plan"))
        add("error", "SEN2-E09", ap, "A plan was issued but the return names none (NamedPlan)");
      if (const auto* np = as->child("named_plan")) {
        const std::string pp = ap + "/" + name("named_plan");
        const auto start = date_of(np->value("start_date"));
        const auto ceased = date_of(np->value("cease_date"));
        if (start && received && *start < *received)
          add("error", "SEN2-E07", pp + "/" + name("start_date"), "The plan starts before the request was received");
        if (start && ceased && *ceased < *start)
          add("error", "SEN2-E07", pp + "/" + name("cease_date"), "The plan ceases before it started");
        if (np->value("cease_date").empty() != np->value("cease_reason").empty())
          add("error", "SEN2-E10", pp + "/" + name("cease_reason"),
              "A ceased plan needs both the date it ceased and the reason");
        if (np->value("cease_reason") == "9")
          add("query", "SEN2-Q02", pp + "/" + name("cease_reason"), "Ceased for another reason (9): explain it to DfE");
        int di = 0;
        for (const auto* pd : np->all("plan_detail")) {
          const std::string dp = pp + "/" + name("plan_detail") + "[" + std::to_string(++di) + "]";
          if (pd->value("urn").empty() && pd->value("ukprn").empty() && pd->value("sen_setting").empty())
            add("error", "SEN2-E11", dp,
                "The setting named in the plan has no URN, UKPRN or SENSetting: record the school's URN or the "
                "college's UKPRN on the child's record");
        }
      }
    }
    if (const auto* act = req->child("active_plans")) {
      const std::string ap = rp + "/" + name("active_plans");
      int rank1 = 0, pi = 0;
      std::set<std::string> ranks;
      for (const auto* n : act->all("sen_need")) {
        if (n->value("sen_type_rank") == "1") ++rank1;
        if (!ranks.insert(n->value("sen_type_rank")).second)
          add("error", "SEN2-E12", ap + "/" + name("sen_need"), "Two needs share rank " + n->value("sen_type_rank"));
      }
      if (rank1 != 1)
        add("error", "SEN2-E12", ap + "/" + name("sen_need"),
            rank1 == 0 ? "No need is ranked 1: record the primary need" : "More than one need is ranked 1");
      if (act->all("placement_detail").empty())
        add("query", "SEN2-Q03", ap + "/" + name("placement_detail"), "An active plan with no placement recorded");
      for (const auto* pd : act->all("placement_detail")) {
        const std::string dp = ap + "/" + name("placement_detail") + "[" + std::to_string(++pi) + "]";
        if (pd->value("urn").empty() && pd->value("ukprn").empty() && pd->value("sen_setting").empty())
          add("error", "SEN2-E11", dp,
              "This placement has no URN, UKPRN or SENSetting: record the school's URN or the college's UKPRN on "
              "the child's record");
        const auto entry = date_of(pd->value("entry_date"));
        const auto leaving = date_of(pd->value("leaving_date"));
        if (entry && leaving && *leaving < *entry)
          add("error", "SEN2-E07", dp + "/" + name("leaving_date"), "The placement ends before it began");
        const std::string setting = pd->value("sen_setting");
        if (setting == "OTH" || setting == "NIEO")
          add("query", "SEN2-Q04", dp + "/" + name("sen_setting"),
              "SENSetting " + setting + " is queried by DfE: say what the arrangement is");
      }
      if (born && age_on(*born, period.census) > 25)
        add("query", "SEN2-Q05", ap, "An active plan for a young person over 25 on the census date");
    }
  }
  return out;
}

// ---- Export ------------------------------------------------------------------------

Result<Sen2Report> export_sen2(store::Database& db, const Clock& clock, const Sen2ExportOptions& options,
                               std::ostream* out) {
  const auto* schema = sen2::schema_for(options.year);
  if (!schema) {
    std::string years;
    for (int y : sen2::schema_years()) years += (years.empty() ? "" : ", ") + std::to_string(y);
    return fail("year", "Tandem has no SEN2 element names for " + std::to_string(options.year) +
                            "; it can make the returns for " + years);
  }
  // The header's DMO and DCO are mandatory in DfE's schema and only the area
  // knows them: its profile says, unless the one making the return says otherwise.
  std::string dmo = options.dmo, dco = options.dco;
  if (const auto profile = shipped_area_profile(options.area_id)) {
    if (dmo.empty()) dmo = profile->sen2_dmo.value_or("");
    if (dco.empty()) dco = profile->sen2_dco.value_or("");
  }
  if (out) {
    std::vector<FieldError> wrong;
    for (const auto& [field, value, officer] : {std::tuple{"dmo", dmo, "a designated medical officer"},
                                                std::tuple{"dco", dco, "a designated clinical officer"}})
      if (!schema->allows("officer", value))
        wrong.push_back({field, std::string("Say whether the area has ") + officer + " (" +
                                    schema->element(field).name + "): " + schema->allowed_text("officer") +
                                    ". Set it in the area profile ([sen2_return] " + field + ") or give --" + field +
                                    (value.empty() ? "" : "; \"" + value + "\" is not one of them")});
    if (!wrong.empty()) return tl::unexpected(Error{std::move(wrong)});
  }
  Sen2Report report;
  report.period = sen2_period(options.year);
  report.version = schema->version;
  const Date today = clock.today();
  store::Sen2Area area;
  std::string la = options.la_code;
  std::vector<Assessment> issued;
  db.read([&](store::Tx& tx) {
    area = store::load_sen2_area(tx, options.area_id);
    if (la.empty())
      if (auto a = store::find_area(tx, options.area_id)) la = a->la_code;
  });

  Node header{"header", {}, {}};
  {
    Node& cd = header.add("collection_details");
    cd.add("collection", schema->collection);
    cd.add("year", std::to_string(options.year));
    cd.add("reference_date", format_date(report.period.census));
    Node& src = header.add("source");
    src.add("source_level", "L");
    src.add("lea", la);
    src.add("software_code", options.software);
    src.add("release", options.release.empty() ? std::to_string(schema->year) + ".1" : options.release);
    src.add("serial_no", "001");
    const auto secs = std::chrono::sys_seconds(std::chrono::seconds(clock.now_micros() / 1'000'000));
    const auto day = std::chrono::floor<std::chrono::days>(secs);
    const std::chrono::hh_mm_ss hms{secs - day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    src.add("date_time", format_date(day) + buf);
    src.add("dmo", dmo);
    src.add("dco", dco);
  }
  std::optional<sen2::Writer> writer;
  if (out) {
    writer.emplace(*out, *schema);
    writer->begin(header);
  }
  auto& t = report.totals;
  const auto& period = report.period;
  for (const auto& child : area.children) {
    auto derived = derive_person(area, child, period, today);
    if (!derived) continue;
    const auto it = area.stored.find(child.id);
    const Node person = person_to_send(*derived, it == area.stored.end() ? nullptr : &it->second, *schema);
    if (writer) writer->person(person);
    ++t.persons;
    for (const auto* req : person.all("requests")) {
      if (req->child("active_plans")) ++t.active_plans;
      const auto received = req->value("received_date");
      if (!received.empty() && in(*parse_date("r", received), period.activity_from, period.activity_to)) {
        ++t.requests;
        if (req->value("request_outcome") == "Y") ++t.requests_assess;
        if (req->value("request_outcome") == "N") ++t.requests_not_assess;
      }
      const auto* as = req->child("assessment");
      const auto* np = as ? as->child("named_plan") : nullptr;
      if (np && !req->value("received_date").empty()) {
        const Date start = *parse_date("s", np->value("start_date"));
        if (in(start, period.activity_from, period.activity_to)) {
          ++t.plans_issued;
          const bool within = issued_within_20_weeks(*parse_date("r", received), start);
          const bool exception = as->value("week20") == "1";
          t.issued_within_20_weeks += within ? 1 : 0;
          t.issued_with_exception += exception ? 1 : 0;
          t.issued_within_20_weeks_no_exception += within && !exception ? 1 : 0;
        }
      }
    }
    const std::size_t first_problem = report.problems.size();
    for (auto& p : check_person(person, child.id, *schema, period)) report.problems.push_back(std::move(p));
    link_to_cases(report.problems, first_problem, person, *schema, area, child.id);
  }
  if (writer) writer->end();
  for (const auto& p : report.problems) (p.severity == "error" ? t.errors : t.queries) += 1;

  // Tandem's own figures, as its dashboards compute them.
  std::vector<IssuedPlan> plans;
  for (const auto& [child, list] : area.assessments)
    for (const auto& a : list)
      if (a.final_issued_on) plans.push_back({a.received_on, *a.final_issued_on, twenty_weeks_lifted(a, today)});
  auto rate = twenty_week_rate(plans, options.year - 1);
  report.rate = rate ? *rate : TwentyWeekRate{options.year - 1, {}, {}};
  for (const auto& [child, list] : area.plans)
    for (const auto& p : list) {
      if (p.stage != "final" || !p.made_on || *p.made_on > period.census) continue;
      const auto c = area.cessations.find(p.id);
      if (c == area.cessations.end() || c->second.decided_on > period.census) ++report.tandem_active_plans;
    }
  for (const auto& [child, list] : area.assessments)
    for (const auto& a : list) {
      if (!in(a.received_on, period.activity_from, period.activity_to)) continue;
      ++report.tandem_requests;
      if (a.decided_on && *a.decided_on <= period.census)
        ++(a.assess ? report.tandem_requests_assess : report.tandem_requests_not_assess);
    }
  return report;
}

std::string sen2_report_csv(const Sen2Report& report, const std::string& base_url) {
  // Names come from returns and from Tandem's forms: csv_cell keeps a name
  // such as "=HYPERLINK(...)" text, so a spreadsheet never runs it.
  std::ostringstream out;
  out << "severity,rule,person,case,item,message\n";
  for (const auto& p : report.problems)
    out << p.severity << ',' << p.rule << ',' << csv_cell(p.person) << ',' << csv_cell(base_url + p.page) << ','
        << csv_cell(p.path) << ',' << csv_cell(p.message) << "\n";
  return out.str();
}

}  // namespace tandem::app
