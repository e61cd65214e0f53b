#include "app/assessments.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "app/caseload_index.h"
#include "app/ceasing.h"
#include "app/crypto.h"
#include "app/letter_writer.h"
#include "app/warning_margins.h"
#include "core/term_closures.h"
#include "demo/calibration.h"
#include "profile/area_profiles.h"
#include "profile/school_terms.h"
#include "store/assessments.h"
#include "store/audit.h"
#include "store/children.h"
#include "store/people.h"

namespace tandem::app {

std::vector<Involvement> current_involvements(const std::vector<CaseInvolvement>& rows) {
  std::vector<Involvement> out;
  for (const auto& r : rows) {
    if (!r.ended_on) out.push_back({r.agency, r.user_id.empty() ? std::nullopt : std::optional(r.user_id)});
  }
  return out;
}

std::variant<Child, Refused> child_for(RegisterServices& s, const SignedIn& user, const std::string& child_id,
                                       const std::string& route) {
  std::optional<Child> child;
  std::vector<CaseInvolvement> involved;
  s.db.read([&](store::Tx& tx) {
    child = store::find_child(tx, user.area_id, child_id);
    if (child) involved = store::involvements_of(tx, child_id);
  });
  if (!child) return Refused{404, "There is no child with that reference in your area."};
  if (!can_see_child(user.principal(), current_involvements(involved))) {
    s.db.write([&](store::Tx& tx) {
      store::insert_audit(tx, {new_id("a"), user.area_id, s.clock.now_micros(), user.user_id, "access.denied", "child",
                               child_id, child_id, route, "not involved with this child"});
    });
    return Refused{403, "Only agencies and people involved with this child can see their record."};
  }
  return *child;
}

namespace {

Result<Date> date_field(const char* field, const std::string& text) { return parse_date(field, text); }

std::string describe_step(const StepInput& in, const Assessment& after) {
  std::string d = in.step + " on " + in.on;
  if (in.step == "decide") d += in.assess == "yes" ? ": assess" : ": do not assess";
  if (in.step == "request_advice") d += ": " + in.advice_kind + " from " + in.provider;
  if (in.step == "exception") d += ": " + in.ground + " to " + in.end_on + " (" + in.reason + ")";
  d += "; stage now " + std::string(to_string(stage_of(after)));
  return d;
}

// `school_closures`: those the area's school term dates give (core/term_closures.h).
Result<Assessment> apply(const Assessment& a, const StepInput& in, Date today,
                         const std::vector<Closure>& school_closures) {
  // The date's field is named as the rule names it, so a form can point at it.
  static const std::map<std::string, std::string> kDateField{
      {"decide", "decided_on"},     {"request_advice", "requested_on"},  {"advice_received", "received_on"},
      {"exception", "start"},       {"not_to_issue", "not_to_issue_on"}, {"draft", "draft_served_on"},
      {"final", "final_issued_on"}, {"withdraw", "withdrawn_on"}};
  const auto known = kDateField.find(in.step);
  const std::string field = known == kDateField.end() ? "on" : known->second;
  auto on = parse_date(field, in.on);
  if (!on) return tl::unexpected<Error>(on.error());
  if (in.step == "decide") {
    if (in.assess != "yes" && in.assess != "no") return fail("assess", "Choose whether to assess: yes or no");
    return decide_whether_to_assess(a, *on, in.assess == "yes", today);
  }
  if (in.step == "request_advice") {
    auto kind = parse_advice_kind(in.advice_kind);
    if (!kind) {
      return fail("advice_kind",
                  "Advice must be one of educational, medical, psychological, social_care, "
                  "preparing_for_adulthood, sensory, other (reg 6(1))");
    }
    auto agency = parse_agency(in.agency);
    if (!agency) {
      return fail("agency",
                  "Agency must be one of council_education, council_social_care, icb, nhs_england, school, "
                  "provider");
    }
    AdviceRequest r{new_id("v"), *kind, in.provider, *agency, *on, std::nullopt, in.reused == "yes"};
    return request_advice(a, std::move(r), today);
  }
  if (in.step == "advice_received") return receive_advice(a, in.advice_id, *on, today);
  if (in.step == "exception") {
    auto ground = parse_exception_ground("ground", in.ground);
    if (!ground) return tl::unexpected<Error>(ground.error());
    auto end = date_field("end_on", in.end_on);
    if (!end) return tl::unexpected<Error>(end.error());
    auto checked = check_school_closure({*ground, *on, *end}, school_closures);
    if (!checked) return tl::unexpected<Error>(checked.error());
    return record_exception(a, {new_id("x"), *checked, in.reason}, today);
  }
  if (in.step == "not_to_issue") return decide_not_to_issue(a, *on, today);
  if (in.step == "draft") return serve_draft(a, *on, today);
  if (in.step == "final") return issue_final(a, *on, today);
  if (in.step == "withdraw") return withdraw_request(a, *on, today);
  return fail("step",
              "Step must be one of decide, request_advice, advice_received, exception, not_to_issue, draft, "
              "final, withdraw");
}

}  // namespace

StepOutcome start_assessment(RegisterServices& s, const SignedIn& user, const std::string& child_id,
                             const StartAssessment& in) {
  auto child = child_for(s, user, child_id, "POST /children/" + child_id + "/assessments");
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  std::vector<FieldError> errors;
  auto received = parse_date("received_on", in.received_on);
  if (!received)
    errors.push_back(received.error().fields.front());
  else if (*received > s.clock.today())
    errors.push_back({"received_on", "The date of receipt cannot be in the future"});
  auto source = parse_request_source(in.source);
  if (!source) {
    errors.push_back({"source", "Say who asked: parent, young_person, school_or_setting or other_professional"});
  }
  if (!errors.empty()) return Error(std::move(errors));
  Assessment a = open_assessment(new_id("a"), user.area_id, child_id, *received, *source);
  a.caseworker_id = user.user_id;
  const std::int64_t now = s.clock.now_micros();
  bool running = false;
  s.db.write([&](store::Tx& tx) {
    for (const auto& other : store::assessments_of_child(tx, user.area_id, child_id)) {
      const auto st = stage_of(other);
      running = running || st == AssessmentStage::awaiting_decision || st == AssessmentStage::assessing ||
                st == AssessmentStage::draft_issued;
    }
    if (running) return;
    store::save_assessment(tx, a, now);
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "assessment.start", "assessment", a.id,
                             child_id, "request received " + in.received_on + " from " + in.source, "new request"});
  });
  if (running) return Error("received_on", "This child already has an assessment under way: record the request on it");
  a.version = 1;
  return a;
}

StepOutcome record_step(RegisterServices& s, const SignedIn& user, const std::string& assessment_id,
                        const StepInput& in) {
  std::optional<Assessment> current;
  s.db.read([&](store::Tx& tx) { current = store::find_assessment(tx, user.area_id, assessment_id); });
  if (!current) return Refused{404, "There is no assessment with that reference in your area."};
  auto child = child_for(s, user, current->child_id, "POST /assessments/" + assessment_id);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  if (in.version != current->version) {
    return Error("version",
                 "Someone else updated this case while you were working on it. Open it again to see "
                 "their change, then record yours.");
  }
  auto after = apply(*current, in, s.clock.today(), closures_between_terms(term_calendar_for_area(user.area_id).dated));
  if (!after) return after.error();
  const std::int64_t now = s.clock.now_micros();
  auto letter = letter_for_step(in.step, *after, std::get<Child>(child), user, in.reason, now,
                                capacity_of(s, user, std::get<Child>(child).id));
  if (!letter) return letter.error();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::save_assessment(tx, *after, now);
    if (!saved) return;
    if (*letter) {
      store::insert_letter(tx, **letter);
      store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "letter.issue", "letter", (*letter)->id,
                               current->child_id, (*letter)->subject, "statutory notice of " + in.step});
    }
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "assessment." + in.step, "assessment",
                             assessment_id, current->child_id, describe_step(in, *after), in.reason});
  });
  if (!saved) {
    return Error("version",
                 "Someone else updated this case while you were working on it. Open it again to see "
                 "their change, then record yours.");
  }
  after->version = current->version + 1;
  return *after;
}

std::variant<AssessmentView, Refused> open_assessment_case(RegisterServices& s, const SignedIn& user,
                                                           const std::string& assessment_id, const std::string& route) {
  std::optional<Assessment> a;
  s.db.read([&](store::Tx& tx) { a = store::find_assessment(tx, user.area_id, assessment_id); });
  if (!a) return Refused{404, "There is no assessment with that reference in your area."};
  auto child = child_for(s, user, a->child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  const Date today = s.clock.today();
  AssessmentView view{
      *a, std::get<Child>(child), next_step(*a, today, warning_margins(user.area_id).assessment_at_risk_days),
      {}, days_lost(*a, today),   {}};
  s.db.read([&](store::Tx& tx) {
    for (auto& l : store::letters_of_child(tx, user.area_id, a->child_id)) {
      if (l.assessment_id == a->id) view.letters.push_back(std::move(l));
    }
  });
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, a->child_id, "shown"});
  view.late = late_advice(view.assessment, today);
  return view;
}

void order_by_load(std::vector<CaseworkerLoad>& loads) {
  std::stable_sort(loads.begin(), loads.end(), [](const CaseworkerLoad& a, const CaseworkerLoad& b) {
    if (a.open != b.open) return a.open > b.open;
    return a.caseworker_id < b.caseworker_id;
  });
}

namespace {

// The caseload ordered and paged in the database (store::caseload_order()).
CaseloadPage caseload_from_database(RegisterServices& s, const store::CaseloadFilter& filter, int page) {
  store_missing_clocks(s.db, filter.area_id);
  // The order comes from each case's stored clock (core case_clock()); only
  // the page's cases are loaded whole.
  CaseloadPage out;
  std::vector<store::CaseloadEntry> order;
  std::vector<Assessment> cases;
  std::map<std::string, std::string> names;
  s.db.read([&](store::Tx& tx) {
    order = store::caseload_order(tx, filter);
    out.total = static_cast<int>(order.size());
    out.pages = std::max(1, (out.total + kCaseloadPageSize - 1) / kCaseloadPageSize);
    out.page = std::clamp(page, 1, out.pages);
    const auto first = static_cast<std::size_t>(out.page - 1) * static_cast<std::size_t>(kCaseloadPageSize);
    const auto last = std::min(order.size(), first + kCaseloadPageSize);
    std::vector<std::string> ids;
    for (std::size_t i = first; i < last; ++i) ids.push_back(order[i].assessment_id);
    cases = store::assessments_by_id(tx, filter.area_id, ids);
    std::vector<std::string> children;
    for (const auto& a : cases) children.push_back(a.child_id);
    names = store::names_of_children(tx, filter.area_id, children);
  });
  std::map<std::string, CaseworkerLoad> loads;
  for (const auto& e : order) {
    out.overdue += e.status == StepStatus::overdue ? 1 : 0;
    out.at_risk += e.status == StepStatus::at_risk ? 1 : 0;
    auto& l = loads[e.caseworker_id];
    l.caseworker_id = e.caseworker_id;
    ++l.open;
    l.overdue += e.status == StepStatus::overdue ? 1 : 0;
    l.at_risk += e.status == StepStatus::at_risk ? 1 : 0;
  }
  for (auto& [id, l] : loads) out.by_caseworker.push_back(l);
  order_by_load(out.by_caseworker);
  // The page's rows in the stored order, shown as next_step() computes them.
  std::map<std::string, const Assessment*> by_id;
  for (const auto& a : cases) by_id[a.id] = &a;
  const auto first = static_cast<std::size_t>(out.page - 1) * static_cast<std::size_t>(kCaseloadPageSize);
  const auto last = std::min(order.size(), first + kCaseloadPageSize);
  for (std::size_t i = first; i < last; ++i) {
    const auto found = by_id.find(order[i].assessment_id);
    if (found == by_id.end()) continue;
    const Assessment& a = *found->second;
    auto next = next_step(a, filter.today, filter.at_risk_days);
    if (!next) continue;
    out.rows.push_back({a.id, a.child_id, names[a.child_id], a.caseworker_id, stage_of(a), *next,
                        static_cast<int>(late_advice(a, filter.today).size()), days_lost(a, filter.today)});
  }
  return out;
}

}  // namespace

CaseloadPage caseload(RegisterServices& s, const SignedIn& user, bool mine_only, int page, const std::string& route) {
  const store::CaseloadFilter filter{user.area_id,
                                     user.user_id,
                                     std::string(to_string(user.agency)),
                                     sees_agency_wide(user),
                                     mine_only ? user.user_id : "",
                                     s.clock.today(),
                                     warning_margins(user.area_id).assessment_at_risk_days};
  CaseloadPage out;
  if (s.caseload_index) {
    const auto snapshot = s.caseload_index->current(s.db, user.area_id);
    out = snapshot->page({filter.user_id, filter.agency, filter.agency_wide, filter.caseworker_id}, filter.today,
                         filter.at_risk_days, page, kCaseloadPageSize);
  } else {
    out = caseload_from_database(s, filter, page);
  }
  std::string shown;
  for (const auto& r : out.rows) shown += (shown.empty() ? "" : " ") + r.child_id;
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, shown, "shown"});
  return out;
}

std::vector<Assignee> assignees(RegisterServices& s, const SignedIn& user) {
  std::vector<Assignee> out;
  s.db.read([&](store::Tx& tx) {
    for (const auto& m : store::area_members(tx, user.area_id)) {
      if (!m.disabled && (m.role == Role::caseworker || m.role == Role::sen_manager)) {
        out.push_back({m.user_id, m.display_name});
      }
    }
  });
  return out;
}

StepOutcome reassign_case(RegisterServices& s, const SignedIn& user, const std::string& assessment_id,
                          const std::string& caseworker_id, std::int64_t version) {
  std::optional<Assessment> current;
  s.db.read([&](store::Tx& tx) { current = store::find_assessment(tx, user.area_id, assessment_id); });
  if (!current) return Refused{404, "There is no assessment with that reference in your area."};
  auto child = child_for(s, user, current->child_id, "POST /assessments/" + assessment_id + "/caseworker");
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  const auto people = assignees(s, user);
  const auto to =
      std::find_if(people.begin(), people.end(), [&](const Assignee& a) { return a.user_id == caseworker_id; });
  if (to == people.end()) {
    return Error("caseworker_id", "Choose a caseworker or SEN manager who works in this area");
  }
  if (version != current->version) {
    return Error("version",
                 "Someone else updated this case while you were working on it. Open it again, then "
                 "reassign it.");
  }
  Assessment after = *current;
  after.caseworker_id = caseworker_id;
  bool saved = false;
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    saved = store::save_assessment(tx, after, now);
    if (!saved) return;
    store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, "assessment.reassign", "assessment",
                             assessment_id, current->child_id, "caseworker now " + to->name, "caseload rebalanced"});
  });
  if (!saved) return Error("version", "Someone else updated this case while you were working on it.");
  after.version = current->version + 1;
  return after;
}

std::variant<store::LetterRow, Refused> open_letter(RegisterServices& s, const SignedIn& user,
                                                    const std::string& letter_id, const std::string& route) {
  std::optional<store::LetterRow> letter;
  s.db.read([&](store::Tx& tx) { letter = store::find_letter(tx, user.area_id, letter_id); });
  if (!letter) return Refused{404, "There is no letter with that reference in your area."};
  auto child = child_for(s, user, letter->child_id, route);
  if (auto* r = std::get_if<Refused>(&child)) return *r;
  s.access_log.record({{}, user.area_id, s.clock.now_micros(), user.user_id, route, letter->child_id, "shown"});
  return *letter;
}

namespace {
// The 20-week rate by database, area, year and day, kept while the area's
// assessments are unchanged: every request reads the area's change token
// (store::assessments_change_token) in the same transaction, so a step
// recorded on any server shows in the next figure.
struct CachedRate {
  const store::Database* db;
  std::string area_id;
  int year;
  Date today;
  std::int64_t token;
  TwentyWeekRate rate;
};
std::mutex rate_cache_mutex;
std::vector<CachedRate> rate_cache;  // newest last
constexpr std::size_t kRateCacheSize = 64;
}  // namespace

TwentyWeekRate area_twenty_week_rate(RegisterServices& s, const SignedIn& user, int year) {
  const Date today = s.clock.today();
  std::int64_t token = 0;
  std::optional<TwentyWeekRate> cached;
  std::vector<Assessment> issued;
  const auto same = [&](const CachedRate& c) {
    return c.db == &s.db && c.area_id == user.area_id && c.year == year && c.today == today;
  };
  s.db.read([&](store::Tx& tx) {
    token = store::assessments_change_token(tx, user.area_id);
    {
      const std::lock_guard lock(rate_cache_mutex);
      const auto hit = std::find_if(rate_cache.begin(), rate_cache.end(), same);
      if (hit != rate_cache.end() && hit->token == token) cached = hit->rate;
    }
    if (!cached)
      issued = store::issued_for_timeliness(tx, user.area_id, make_date(year, 1, 1), make_date(year, 12, 31));
  });
  if (cached) return *cached;
  std::vector<IssuedPlan> plans;
  for (const auto& a : issued) plans.push_back({a.received_on, *a.final_issued_on, twenty_weeks_lifted(a, today)});
  auto computed = twenty_week_rate(plans, year);
  const TwentyWeekRate rate = computed ? *computed : TwentyWeekRate{year, {}, {}};
  const std::lock_guard lock(rate_cache_mutex);
  std::erase_if(rate_cache, same);
  if (rate_cache.size() >= kRateCacheSize) rate_cache.erase(rate_cache.begin());
  rate_cache.push_back({&s.db, user.area_id, year, today, token, rate});
  return rate;
}

}  // namespace tandem::app

namespace tandem::app {

namespace {
PublishedTimeliness read_published_timeliness(const std::string& area_id) {
  PublishedTimeliness out;
  auto profile = shipped_area_profile(area_id);
  if (!profile) return out;
  const std::string la = profile->calibrate_from.value_or(profile->la_code);
  auto c = demo::calibration_for(la);
  if (!c) return out;
  out.year = c->flow_year;
  out.area_label = profile->fictional ? c->la_name + " (the figures this fictional area is modelled on)" : c->la_name;
  out.area_pc = c->within_20_weeks_pc;
  out.england_pc = c->england.within_20_weeks_pc;
  return out;
}
}  // namespace

// The published figures ship with the program, so each area's are read once.
PublishedTimeliness published_timeliness(const SignedIn& user) {
  static std::mutex mutex;
  static std::map<std::string, PublishedTimeliness> by_area;
  const std::lock_guard lock(mutex);
  auto found = by_area.find(user.area_id);
  if (found == by_area.end()) found = by_area.emplace(user.area_id, read_published_timeliness(user.area_id)).first;
  return found->second;
}

}  // namespace tandem::app
