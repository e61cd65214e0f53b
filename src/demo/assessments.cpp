#include "demo/assessments.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "core/ehc_clock.h"
#include "demo/random.h"

namespace tandem::demo {

namespace {

// ---------------------------------------------------------------------------
// Assumptions. DfE publishes an area's requests, new plans and 20-week rate,
// and England's share of requests agreed and decided in 6 weeks; everything
// else here is a modelling choice, not a statistic:
//
// - Requests agreed: England 2023, 67.3% (domain.md section 8), so about a
//   third of decisions are "not to assess".
// - Decisions not to issue: England 2023 had 138,242 requests, 67.3% agreed
//   (about 93,000 assessments) and 84,428 new plans, so about 9% of the
//   assessments that go ahead end without a plan. Timing between years is
//   ignored.
// - Decisions whether to assess made within 6 weeks: England 2023, 84.8%; the
//   rest take 7 to 10 weeks.
// - Plans issued with an exception: England 2023, 4,439 of 80,945 (5.5%). An
//   exception is recorded only where it held the plan up, so every such plan
//   is issued after 20 weeks and the exception lifted the limit (reg 13(3)).
// - Open assessments with an exception: 8%, a little more than finished ones,
//   since a case held up by an exception stays open longer.
// - The published 20-week rate (excluding exceptions) of the area's latest
//   year holds for every calendar year generated; the share of open cases on
//   track for 20 weeks is the same rate.
// - Advice reused with everyone's agreement (reg 6(4)): 10% of advice.
// - Advice late (after the 6 weeks of reg 8(1)): by provider for health (see
//   default_health_providers); 8% for social care, 4% for the educational
//   psychology service, 2-3% for the rest.
// - Open assessments were received within the last 20 weeks and 30 days. The
//   demo area's "EHC needs assessment" involvement gives the date where it
//   falls in that window; otherwise a date in the window is drawn.
// - Finished histories: children with plans whose "EHC plan maintained by the
//   SEND service" involvement began from 1 January two years ago; that date is
//   the final plan's. Where there are more such children than the area's new
//   plans per year over that span, a sample of that size is taken. Every plan
//   begun before that span has its finished history too, at the same rates.
// - Requests refused, and assessments ending with a decision not to issue,
//   belong to children on SEN support, received over the same span.
// - School summer holidays: every school and college closed from 23 July and
//   open again on 3 September (6 weeks). Real dates vary by school and year;
//   the exception applies only to advice asked of a school or college.
// - Who asked: young people (16 and over) 25% of their requests, schools about
//   30%, other professionals 6%, parents the rest.
constexpr double kRequestsAgreed = 0.673;
constexpr double kNotToIssue = 0.0925;
constexpr double kDecidedInSixWeeks = 0.848;
constexpr double kHistoryExceptions = 0.055;
constexpr double kOpenExceptions = 0.08;
constexpr double kReused = 0.10;
// Requests the family or school withdraws: DfE publishes no count, so about 1
// in 100 is assumed, most before the decision whether to assess.
constexpr double kWithdrawn = 0.01;
constexpr double kWithdrawnBeforeDecision = 0.6;
constexpr int kOpenWindowDays = 140 + 30;
// When no 20-week rate is published for the area or England.
constexpr double kDefaultTwentyWeekPc = 50.0;

constexpr std::uint64_t kOpenStream = 0x0a55e55000000000ULL;
constexpr std::uint64_t kHistoryStream = 0x415700000000000ULL;
constexpr std::uint64_t kRefusedStream = 0x7ef0000000000000ULL;
constexpr std::uint64_t kSampleStream = 0x5a3b1e0000000000ULL;
constexpr std::uint64_t kEarlierSampleStream = 0x5a3b1e0e00000000ULL;
constexpr std::uint64_t kEarlierHistoryStream = 0x4157e00000000000ULL;
constexpr std::uint64_t kWithdrawnStream = 0x3d0e000000000000ULL;
constexpr std::uint64_t kWithdrawnSampleStream = 0x5a3b1e3d00000000ULL;

// ---------------------------------------------------------------------------
// Dates.

Date plus_days(Date d, std::int64_t n) { return d + std::chrono::days{n}; }
int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }
int year_of(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }

Date random_day(Rng& rng, Date lo, Date hi) {
  if (hi <= lo) return lo;
  return plus_days(lo, static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(days_between(lo, hi)) + 1)));
}

Closure summer_closure(int year) { return {make_date(year, 7, 23), make_date(year, 9, 3)}; }

std::string zero_pad(std::uint64_t n, std::size_t width) {
  std::string s = std::to_string(n);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

// ---------------------------------------------------------------------------
// What the demo area says about a child.

// Role names the demo area generator gives the involvements read here.
constexpr std::string_view kAssessmentRole = "EHC needs assessment";
constexpr std::string_view kPlanRole = "EHC plan maintained by the SEND service";
constexpr std::string_view kCoordinatorRole = "EHC coordinator";

struct Facts {
  std::optional<Date> assessment_started;
  std::optional<Date> plan_started;
  std::string coordinator;
  bool social_care = false;
};

Facts facts_of(const DemoChild& d) {
  Facts f;
  f.social_care = d.child.looked_after;
  for (const auto& inv : d.involvements) {
    if (inv.agency == Agency::council_social_care) f.social_care = true;
    if (inv.agency != Agency::council_education) continue;
    if (inv.role_on_case == kAssessmentRole && inv.user_id.empty()) f.assessment_started = inv.started_on;
    if (inv.role_on_case == kPlanRole && inv.user_id.empty()) f.plan_started = inv.started_on;
    if (inv.role_on_case == kCoordinatorRole && !inv.user_id.empty()) f.coordinator = inv.user_id;
  }
  return f;
}

const Placement* placement_on(const DemoChild& d, Date on) {
  for (const auto& p : d.placements) {
    if (p.start_date <= on && (!p.end_date || *p.end_date >= on)) return &p;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Advice.

struct PlannedAdvice {
  AdviceKind kind = AdviceKind::educational;
  std::string provider;
  Agency agency = Agency::council_education;
  double late_share = 0;
  Date requested{};
  std::optional<Date> received;
  bool reused = false;
};

PlannedAdvice advice(AdviceKind kind, std::string provider, Agency agency, double late_share) {
  PlannedAdvice a;
  a.kind = kind;
  a.provider = std::move(provider);
  a.agency = agency;
  a.late_share = late_share;
  return a;
}

// Educational advice comes from the setting the child attends when the
// request is received; without one, from the council's advisory teachers.
PlannedAdvice educational_advice(const DemoChild& d, Date received) {
  PlannedAdvice a;
  a.kind = AdviceKind::educational;
  a.late_share = 0.02;
  if (const Placement* p = placement_on(d, received)) {
    switch (p->setting_type) {
      case SettingType::mainstream:
      case SettingType::mainstream_unit:
      case SettingType::special:
      case SettingType::ap_pru:
      case SettingType::further_education:
        a.provider = p->setting_name;
        a.agency = Agency::school;
        return a;
      case SettingType::early_years:
        a.provider = p->setting_name;
        a.agency = Agency::provider;
        return a;
      case SettingType::educated_elsewhere:
      case SettingType::neet:
      case SettingType::other: break;
    }
  }
  a.provider =
      age_on(d.child.date_of_birth, received) < 5 ? "Early Years SEND Advisory Team" : "SEND Advisory Teaching Service";
  a.agency = Agency::council_education;
  return a;
}

std::string_view sensory_adviser(std::string_view need) {
  if (need == "HI") return "Sensory Support Service: qualified teacher of the deaf";
  if (need == "VI") return "Sensory Support Service: qualified teacher of children with vision impairment";
  if (need == "MSI") return "Sensory Support Service: qualified teacher of multi-sensory impairment";
  return "";
}

// The advice an assessment that goes ahead asks for (reg 6(1)): always
// educational, medical and psychological; social care for a child known to
// social care; preparing for adulthood from year 9 (taken as age 13 when the
// request is received); a teacher of the sensory impaired for a sensory need.
std::vector<PlannedAdvice> advice_for(const DemoChild& d, const Facts& f, Date received,
                                      const std::vector<HealthProvider>& health, Rng& rng) {
  std::vector<PlannedAdvice> out;
  out.push_back(educational_advice(d, received));

  std::vector<double> weights;
  for (const auto& h : health) weights.push_back(std::max(h.share, 0.0));
  if (std::none_of(weights.begin(), weights.end(), [](double w) { return w > 0; })) {
    std::fill(weights.begin(), weights.end(), 1.0);
  }
  const auto& h = health[rng.weighted(weights)];
  out.push_back(advice(AdviceKind::medical, h.name, Agency::icb, h.late_share));
  out.push_back(advice(AdviceKind::psychological, "Educational Psychology Service", Agency::council_education, 0.04));
  if (f.social_care) {
    out.push_back(advice(AdviceKind::social_care,
                         d.child.looked_after ? "Children's Social Care: Children in Care Team"
                                              : "Children's Social Care: Children with Disabilities Team",
                         Agency::council_social_care, 0.08));
  }
  if (age_on(d.child.date_of_birth, received) >= 13) {
    out.push_back(advice(AdviceKind::preparing_for_adulthood, "Adult Social Care: Preparing for Adulthood Team",
                         Agency::council_social_care, 0.03));
  }
  if (const auto s = sensory_adviser(d.child.primary_need); !s.empty()) {
    out.push_back(advice(AdviceKind::sensory, std::string(s), Agency::council_education, 0.03));
  }
  for (auto& a : out) a.reused = rng.chance(kReused);
  return out;
}

// Days an adviser takes: 2 to 6 weeks when on time, otherwise up to
// `max_late` days.
int advice_days(const PlannedAdvice& a, int max_late, Rng& rng) {
  if (rng.chance(a.late_share)) return rng.between(43, std::max(43, max_late));
  return rng.between(14, 42);
}

// Days from receipt to the decision whether to assess.
int decision_days(Rng& rng) { return rng.chance(kDecidedInSixWeeks) ? rng.between(14, 42) : rng.between(43, 70); }

RequestSource pick_source(const DemoChild& d, Date received, Rng& rng) {
  const bool adult = age_on(d.child.date_of_birth, received) >= 16;
  const std::array<double, 4> w =
      adult ? std::array<double, 4>{0.44, 0.25, 0.25, 0.06} : std::array<double, 4>{0.64, 0.0, 0.30, 0.06};
  static constexpr std::array<RequestSource, 4> sources{RequestSource::parent, RequestSource::young_person,
                                                        RequestSource::school_or_setting,
                                                        RequestSource::other_professional};
  return sources[rng.weighted(w)];
}

// ---------------------------------------------------------------------------
// Exceptions.

struct PlannedException {
  ClockException exception;
  std::string reason;
};

std::string_view pick(std::span<const std::string_view> options, Rng& rng) {
  return options[static_cast<std::size_t>(rng.below(options.size()))];
}

PlannedException personal_exception(Date start, Date end, Rng& rng) {
  static constexpr std::array<std::string_view, 3> what{
      "The child was in hospital from {s} to {e}; the family asked for appointments to wait until the child was home.",
      "A parent was seriously ill from {s} to {e} and could not take part in the assessment.",
      "The family was bereaved on {s} and asked for the assessment to pause until {e}.",
  };
  std::string reason(pick(what, rng));
  reason.replace(reason.find("{s}"), 3, format_date_long(start));
  reason.replace(reason.find("{e}"), 3, format_date_long(end));
  return {{ExceptionGround::exceptional_personal_circumstances, start, end}, std::move(reason)};
}

PlannedException away_exception(Date start, Date end, Rng& rng) {
  static constexpr std::array<std::string_view, 3> what{
      "The family was away from the area from {s} to {e}, caring for a relative abroad.",
      "The family stayed with relatives outside the area from {s} to {e} after their home was flooded.",
      "The young person was away from the area on a residential placement from {s} to {e}.",
  };
  std::string reason(pick(what, rng));
  reason.replace(reason.find("{s}"), 3, format_date_long(start));
  reason.replace(reason.find("{e}"), 3, format_date_long(end));
  return {{ExceptionGround::away_from_area, start, end}, std::move(reason)};
}

// The summer closure exception for educational advice asked of a school or
// college, where the request fell in its window (reg 10(4)(a), 13(3)); the
// window is cut to start no earlier than the request for assessment.
std::optional<PlannedException> closure_exception_for(const PlannedAdvice& educational, Date received, Date today) {
  if (educational.agency != Agency::school || educational.reused) return std::nullopt;
  const Closure summer = summer_closure(year_of(educational.requested));
  const auto e = closure_exception(ExceptionGround::school_closure, educational.requested, {summer});
  if (!e || e->end > today) return std::nullopt;
  const Date start = std::max(e->start, received);
  std::string reason = "Educational advice was asked of " + educational.provider + " on " +
                       format_date_long(educational.requested) + ", within a week of its summer closure (" +
                       format_date_long(summer.first_day_closed) + " to " +
                       format_date_long(plus_days(summer.first_day_open_again, -1)) +
                       "); the school could not give it until it reopened.";
  return PlannedException{{ExceptionGround::school_closure, start, e->end}, std::move(reason)};
}

// ---------------------------------------------------------------------------
// A case, planned as dates before it is built with the step functions.

struct Plan {
  std::size_t child = 0;  // index in the area
  Date received{};
  RequestSource source = RequestSource::parent;
  std::string caseworker;
  std::optional<Date> decided;
  bool assess = false;
  std::vector<PlannedAdvice> advice;
  std::vector<PlannedException> exceptions;
  std::optional<Date> not_to_issue;
  std::optional<Date> draft;
  std::optional<Date> final_plan;
  std::optional<Date> withdrawn;
};

struct Context {
  const AssessmentOptions& o;
  const DemoArea& area;
  std::vector<HealthProvider> health;
  double twenty_week_pc = kDefaultTwentyWeekPc;
};

// An open assessment received on `received`, taken as far as today allows.
// A case on track serves the draft by week 16 once its advice is in; one
// slipping serves it from week 17 to week 26. Late advice takes up to 21
// weeks whatever the council does: the lateness is the adviser's.
Plan open_case(const Context& ctx, std::size_t index, const Facts& f, Date received, Rng& rng) {
  const DemoChild& d = ctx.area.children[index];
  const Date today = ctx.o.today;
  Plan p;
  p.child = index;
  p.received = received;
  p.source = pick_source(d, received, rng);
  bool on_track = rng.chance(ctx.twenty_week_pc / 100.0);

  const int elapsed = days_between(received, today);
  if (rng.chance(kOpenExceptions) && elapsed >= 21) {
    on_track = false;
    const Date start = plus_days(received, rng.between(7, std::min(elapsed - 1, 100)));
    if (rng.chance(0.45) && days_between(start, today) >= 28) {
      p.exceptions.push_back(away_exception(start, std::min(today, plus_days(start, rng.between(28, 56))), rng));
    } else {
      p.exceptions.push_back(personal_exception(start, std::min(today, plus_days(start, rng.between(14, 63))), rng));
    }
  }

  const Date decided = plus_days(received, decision_days(rng));
  if (decided > today) return p;
  p.decided = decided;
  p.assess = true;
  p.advice = advice_for(d, f, received, ctx.health, rng);
  // A flag and a date rather than std::optional: GCC 12 at -O2 wrongly warns
  // that the optional's value may be read uninitialised.
  bool all_back = true;
  Date last_back = decided;
  for (auto& a : p.advice) {
    a.requested = std::min(today, plus_days(decided, rng.between(0, 4)));
    if (a.reused) {
      a.received = a.requested;
      continue;
    }
    const Date back = plus_days(a.requested, advice_days(a, 150, rng));
    if (back <= today) {
      a.received = back;
      last_back = std::max(last_back, back);
    } else {
      all_back = false;
    }
  }
  if (p.exceptions.empty() && rng.chance(0.5)) {
    if (auto e = closure_exception_for(p.advice.front(), received, today)) p.exceptions.push_back(std::move(*e));
  }
  if (!all_back) return p;  // advice still out
  const int target = on_track ? rng.between(84, 112) : rng.between(119, 180);
  const Date draft = std::max(plus_days(last_back, rng.between(3, 14)), plus_days(received, target));
  if (draft <= today) p.draft = draft;
  return p;
}

enum class Outcome { on_time, late, exception };

// A finished assessment whose final plan was issued on `final_plan`: within
// 20 weeks, after them, or after them with an exception that held it up.
Plan history_case(const Context& ctx, std::size_t index, const Facts& f, Date final_plan, Outcome outcome, Rng& rng) {
  const DemoChild& d = ctx.area.children[index];
  const Date today = ctx.o.today;
  // No request before the child was two weeks old.
  const int max_days = days_between(d.child.date_of_birth, final_plan) - 14;
  Plan p;
  p.child = index;
  int total = 0;
  switch (outcome) {
    case Outcome::on_time: total = rng.between(98, 140); break;
    case Outcome::late: total = rng.between(141, std::max(141, std::min(260, max_days))); break;
    case Outcome::exception: total = rng.between(160, std::max(160, std::min(280, max_days))); break;
  }
  p.received = plus_days(final_plan, -total);

  // Some exception cases: the educational advice was asked of the school just
  // before its summer closure. Find a request date in a summer window that
  // still leaves 160 or more days to the final plan.
  std::optional<Date> educational_on;
  if (outcome == Outcome::exception && rng.chance(0.35)) {
    for (int y : {year_of(final_plan), year_of(final_plan) - 1}) {
      const Closure summer = summer_closure(y);
      const Date asked =
          random_day(rng, plus_days(summer.first_day_closed, -7), plus_days(summer.first_day_open_again, -7));
      const Date received = plus_days(asked, -rng.between(24, 45));
      const int days = days_between(received, final_plan);
      if (days < 160 || days > std::max(160, std::min(280, max_days)) || asked > today) continue;
      if (educational_advice(d, received).agency != Agency::school) continue;
      p.received = received;
      educational_on = asked;
      break;
    }
  }
  p.source = pick_source(d, p.received, rng);

  const Date draft = plus_days(final_plan, -rng.between(15, 28));
  const Date decided = educational_on ? plus_days(*educational_on, -rng.between(0, 3))
                                      : std::min(plus_days(p.received, decision_days(rng)), plus_days(draft, -28));
  p.decided = decided;
  p.assess = true;
  p.advice = advice_for(d, f, p.received, ctx.health, rng);
  for (auto& a : p.advice) {
    a.requested = std::min(plus_days(decided, rng.between(0, 4)), plus_days(draft, -21));
    if (a.kind == AdviceKind::educational && educational_on) {
      a.requested = *educational_on;
      a.reused = false;
    }
    a.received =
        a.reused ? a.requested : std::min(plus_days(a.requested, advice_days(a, 120, rng)), plus_days(draft, -1));
  }
  p.draft = draft;
  p.final_plan = final_plan;

  if (outcome == Outcome::exception) {
    if (educational_on) {
      if (auto e = closure_exception_for(p.advice.front(), p.received, today)) p.exceptions.push_back(std::move(*e));
    }
    if (p.exceptions.empty()) {
      const Date start = plus_days(p.received, rng.between(14, 100));
      const Date end = std::min(plus_days(start, rng.between(28, 63)), plus_days(final_plan, -1));
      p.exceptions.push_back(rng.chance(0.45) ? away_exception(start, end, rng) : personal_exception(start, end, rng));
    }
  }
  return p;
}

// A request refused at the decision to assess.
Plan refused_case(const Context& ctx, std::size_t index, Date received, Rng& rng) {
  Plan p;
  p.child = index;
  p.received = received;
  p.source = pick_source(ctx.area.children[index], received, rng);
  p.decided = plus_days(received, decision_days(rng));
  p.assess = false;
  return p;
}

// An assessment that ended with a decision not to issue, by week 16 for most.
Plan not_issued_case(const Context& ctx, std::size_t index, const Facts& f, Date received, Rng& rng) {
  const DemoChild& d = ctx.area.children[index];
  Plan p;
  p.child = index;
  p.received = received;
  p.source = pick_source(d, received, rng);
  const Date decided = plus_days(received, decision_days(rng));
  p.decided = decided;
  p.assess = true;
  p.advice = advice_for(d, f, received, ctx.health, rng);
  Date last = decided;
  for (auto& a : p.advice) {
    a.requested = plus_days(decided, rng.between(0, 4));
    a.received =
        a.reused ? a.requested : std::min(plus_days(a.requested, advice_days(a, 90, rng)), plus_days(received, 100));
    last = std::max(last, *a.received);
  }
  p.not_to_issue = rng.chance(0.85)
                       ? std::max(plus_days(last, rng.between(5, 20)), plus_days(received, rng.between(56, 112)))
                       : std::max(plus_days(last, 1), plus_days(received, rng.between(113, 150)));
  return p;
}

// A request the family or school withdrew: most before the decision whether
// to assess, the rest while assessing; none after today.
Plan withdrawn_case(const Context& ctx, std::size_t index, const Facts& f, Date received, Rng& rng) {
  const Date today = ctx.o.today;
  Plan p;
  p.child = index;
  p.received = received;
  p.source = pick_source(ctx.area.children[index], received, rng);
  const Date decided = plus_days(received, decision_days(rng));
  const Date later = plus_days(decided, rng.between(20, 90));
  if (rng.chance(kWithdrawnBeforeDecision) || later > today) {
    p.withdrawn = std::min(plus_days(received, rng.between(5, 40)), today);
  } else {
    p.decided = decided;
    p.assess = true;
    p.withdrawn = later;
    // The advice asked for; what had not come back by the withdrawal never will.
    p.advice = advice_for(ctx.area.children[index], f, received, ctx.health, rng);
    for (auto& a : p.advice) {
      a.requested = plus_days(decided, rng.between(0, 4));
      const Date back = plus_days(a.requested, advice_days(a, 90, rng));
      if (a.reused)
        a.received = a.requested;
      else if (back <= later)
        a.received = back;
    }
  }
  return p;
}

// ---------------------------------------------------------------------------
// Building a planned case with the step functions.

class Ids {
 public:
  explicit Ids(std::string prefix) : prefix_(std::move(prefix)) {}
  std::string next(std::string_view kind, std::uint64_t& counter) {
    return prefix_ + std::string(kind) + "-" + zero_pad(++counter, 6);
  }
  std::uint64_t cases = 0, advice = 0, exceptions = 0;

 private:
  std::string prefix_;
};

Assessment build(const Plan& p, const std::string& child_id, const AssessmentOptions& o, Ids& ids) {
  const Date today = o.today;
  Assessment a = open_assessment(ids.next("a", ids.cases), o.area_id, child_id, p.received, p.source);
  a.caseworker_id = p.caseworker;
  auto apply = [&](Result<Assessment> next, std::string_view step) {
    if (!next) {
      throw std::logic_error("demo assessment " + a.id + " for " + child_id + ": " + std::string(step) +
                             " refused on " + next.error().first_field() + ": " + next.error().first_message());
    }
    a = std::move(*next);
  };
  for (const auto& e : p.exceptions) {
    apply(record_exception(a, {ids.next("x", ids.exceptions), e.exception, e.reason}, today), "record_exception");
  }
  if (!p.decided) {
    if (p.withdrawn) apply(withdraw_request(a, *p.withdrawn, today), "withdraw_request");
    return a;
  }
  apply(decide_whether_to_assess(a, *p.decided, p.assess, today), "decide_whether_to_assess");

  std::vector<const PlannedAdvice*> asked;
  for (const auto& v : p.advice) asked.push_back(&v);
  std::stable_sort(asked.begin(), asked.end(), [](auto* x, auto* y) { return x->requested < y->requested; });
  std::vector<std::pair<std::string, Date>> returns;
  for (const auto* v : asked) {
    AdviceRequest r;
    r.id = ids.next("v", ids.advice);
    r.kind = v->kind;
    r.provider = v->provider;
    r.agency = v->agency;
    r.requested_on = v->requested;
    r.reused = v->reused;
    if (!v->reused && v->received) returns.emplace_back(r.id, *v->received);
    apply(request_advice(a, std::move(r), today), "request_advice");
  }
  std::stable_sort(returns.begin(), returns.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
  for (const auto& [id, on] : returns) apply(receive_advice(a, id, on, today), "receive_advice");

  if (p.not_to_issue) apply(decide_not_to_issue(a, *p.not_to_issue, today), "decide_not_to_issue");
  if (p.draft) apply(serve_draft(a, *p.draft, today), "serve_draft");
  if (p.final_plan) apply(issue_final(a, *p.final_plan, today), "issue_final");
  if (p.withdrawn) apply(withdraw_request(a, *p.withdrawn, today), "withdraw_request");
  return a;
}

// ---------------------------------------------------------------------------
// How many of each kind of case the area gets.

double area_scale(const Calibration& c, std::size_t plans) {
  return c.total_plans > 0 ? static_cast<double>(plans) / static_cast<double>(c.total_plans) : 1.0;
}

// The area's yearly new plans and requests at the real authority's size;
// England's per-plan figures where the area's are suppressed.
double yearly_new_plans(const Calibration& c) {
  if (c.new_plans) return *c.new_plans;
  if (c.england.new_plans && c.england.total_plans > 0) {
    return *c.england.new_plans / c.england.total_plans * c.total_plans;
  }
  return 0;
}
double yearly_requests(const Calibration& c) {
  if (c.requests) return *c.requests;
  if (c.england.requests && c.england.total_plans > 0)
    return *c.england.requests / c.england.total_plans * c.total_plans;
  return yearly_new_plans(c) / (kRequestsAgreed * (1 - kNotToIssue));
}

std::size_t rounded(double v) { return v > 0 ? static_cast<std::size_t>(std::llround(v)) : 0; }

// Chooses `n` of `pool` at random, keeping their order.
std::vector<std::size_t> sample(std::vector<std::size_t> pool, std::size_t n, Rng& rng) {
  if (n >= pool.size()) return pool;
  for (std::size_t i = 0; i < n; ++i) {
    const auto j = i + static_cast<std::size_t>(rng.below(pool.size() - i));
    std::swap(pool[i], pool[j]);
  }
  pool.resize(n);
  std::sort(pool.begin(), pool.end());
  return pool;
}

}  // namespace

std::vector<HealthProvider> default_health_providers() {
  return {
      {"Northside Community Health Trust: community paediatrics", 0.40, 0.60},
      {"Riverside Children's Therapies Service: speech and language therapy", 0.25, 0.35},
      {"Eastvale NHS Foundation Trust: child development centre", 0.20, 0.05},
      {"Westmoor Community Health Services: school nursing", 0.15, 0.05},
  };
}

std::vector<Assessment> generate_assessments(const Calibration& c, const DemoArea& area, const AssessmentOptions& o) {
  Context ctx{o, area, o.health_providers.empty() ? default_health_providers() : o.health_providers};
  if (c.within_20_weeks_pc) {
    ctx.twenty_week_pc = *c.within_20_weeks_pc;
  } else if (c.england.within_20_weeks_pc) {
    ctx.twenty_week_pc = *c.england.within_20_weeks_pc;
  }
  const Date today = o.today;
  const Date history_start = make_date(year_of(today) - 2, 1, 1);
  const double years = static_cast<double>(days_between(history_start, today)) / 365.25;

  std::vector<Facts> facts;
  facts.reserve(area.children.size());
  std::vector<std::size_t> in_assessment, recent_plans, earlier_plans, sen_support;
  std::size_t plans = 0;
  for (std::size_t i = 0; i < area.children.size(); ++i) {
    facts.push_back(facts_of(area.children[i]));
    const auto& f = facts.back();
    switch (area.children[i].child.plan_status) {
      case PlanStatus::assessment: in_assessment.push_back(i); break;
      case PlanStatus::ehc_plan:
        ++plans;
        if (f.plan_started && *f.plan_started >= history_start && *f.plan_started <= today) {
          recent_plans.push_back(i);
        } else if (f.plan_started && *f.plan_started < history_start) {
          earlier_plans.push_back(i);
        }
        break;
      case PlanStatus::sen_support: sen_support.push_back(i); break;
      case PlanStatus::disabled_register:
      case PlanStatus::health_only: break;
    }
  }
  const double scale = area_scale(c, plans);
  const double new_plans = yearly_new_plans(c) * scale * years;
  const double requests = yearly_requests(c) * scale * years;

  std::vector<Plan> cases;

  // Open assessments: one per child in assessment.
  for (std::size_t i : in_assessment) {
    Rng rng(mix64(o.seed, kOpenStream + i));
    const Date dob = area.children[i].child.date_of_birth;
    const Date earliest = std::max(plus_days(today, -kOpenWindowDays), dob);
    const auto& started = facts[i].assessment_started;
    const Date received =
        started && *started >= earliest && *started <= today ? *started : random_day(rng, earliest, today);
    cases.push_back(open_case(ctx, i, facts[i], received, rng));
  }

  // Finished histories of recent plans: whether each was issued within 20
  // weeks is dealt out per calendar year of issue, so each year's rate
  // excluding exceptions is the published one to within rounding.
  {
    Rng pick(mix64(o.seed, kSampleStream));
    const auto chosen = sample(recent_plans, rounded(new_plans), pick);
    std::vector<std::vector<std::size_t>> by_year(3);
    for (std::size_t i : chosen) {
      const int y = year_of(*facts[i].plan_started) - year_of(history_start);
      by_year[static_cast<std::size_t>(std::clamp(y, 0, 2))].push_back(i);
    }
    // Every older plan came from a request and an assessment too: a council
    // that moves onto Tandem brings the history of the plans it maintains
    // (DfE's SEN2 return asks for each active plan's request). Dealt out the
    // same way by calendar year of issue, after the recent years, from
    // their own stream, so the recent cases stay as they were.
    std::map<int, std::vector<std::size_t>> earlier_by_year;
    for (std::size_t i : earlier_plans) earlier_by_year[year_of(*facts[i].plan_started)].push_back(i);
    Rng earlier_pick(mix64(o.seed, kEarlierSampleStream));
    for (auto& [year, group] : earlier_by_year) {
      earlier_pick.shuffle(group);
      by_year.push_back(std::move(group));
    }
    for (std::size_t g = 0; g < by_year.size(); ++g) {
      auto& group = by_year[g];
      pick.shuffle(group);
      const std::size_t exceptions = rounded(static_cast<double>(group.size()) * kHistoryExceptions);
      const std::size_t rest = group.size() - exceptions;
      const std::size_t on_time = rounded(static_cast<double>(rest) * ctx.twenty_week_pc / 100.0);
      for (std::size_t k = 0; k < group.size(); ++k) {
        const std::size_t i = group[k];
        const Outcome outcome = k < exceptions             ? Outcome::exception
                                : k < exceptions + on_time ? Outcome::on_time
                                                           : Outcome::late;
        Rng rng(mix64(o.seed, (g < 3 ? kHistoryStream : kEarlierHistoryStream) + i));
        cases.push_back(history_case(ctx, i, facts[i], *facts[i].plan_started, outcome, rng));
      }
    }
  }

  // Requests refused, and assessments ending without a plan, for children on
  // SEN support.
  {
    Rng pick(mix64(o.seed, kSampleStream + 1));
    const std::size_t refused = rounded(requests * (1 - kRequestsAgreed));
    const std::size_t not_issued = rounded(new_plans * kNotToIssue / (1 - kNotToIssue));
    auto chosen = sample(sen_support, refused + not_issued, pick);
    pick.shuffle(chosen);
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      const std::size_t i = chosen[k];
      Rng rng(mix64(o.seed, kRefusedStream + i));
      const Date dob = area.children[i].child.date_of_birth;
      if (k < refused) {
        const Date latest = plus_days(today, -70);
        const Date received = random_day(rng, std::min(latest, std::max(history_start, dob)), latest);
        if (received >= dob) cases.push_back(refused_case(ctx, i, received, rng));
      } else {
        const Date latest = plus_days(today, -175);
        const Date received = random_day(rng, std::min(latest, std::max(history_start, dob)), latest);
        if (received >= dob) cases.push_back(not_issued_case(ctx, i, facts[i], received, rng));
      }
    }
    // Requests withdrawn, from other children on SEN support: drawn apart so
    // the cases above are the same with or without them.
    std::vector<std::size_t> others;
    std::sort(chosen.begin(), chosen.end());
    for (std::size_t i : sen_support)
      if (!std::binary_search(chosen.begin(), chosen.end(), i)) others.push_back(i);
    Rng pick_withdrawn(mix64(o.seed, kWithdrawnSampleStream));
    for (std::size_t i : sample(others, rounded(requests * kWithdrawn), pick_withdrawn)) {
      Rng rng(mix64(o.seed, kWithdrawnStream + i));
      const Date dob = area.children[i].child.date_of_birth;
      const Date latest = plus_days(today, -10);
      const Date received = random_day(rng, std::min(latest, std::max(history_start, dob)), latest);
      if (received >= dob) cases.push_back(withdrawn_case(ctx, i, facts[i], received, rng));
    }
  }

  std::stable_sort(cases.begin(), cases.end(), [](const Plan& x, const Plan& y) {
    return x.received != y.received ? x.received < y.received : x.child < y.child;
  });

  // Caseworkers: the child's EHC coordinator where that is one of them,
  // otherwise each in turn.
  std::size_t turn = 0;
  for (auto& p : cases) {
    if (o.caseworker_ids.empty()) break;
    const auto& coordinator = facts[p.child].coordinator;
    if (std::find(o.caseworker_ids.begin(), o.caseworker_ids.end(), coordinator) != o.caseworker_ids.end()) {
      p.caseworker = coordinator;
    } else {
      p.caseworker = o.caseworker_ids[turn++ % o.caseworker_ids.size()];
    }
  }

  Ids ids(o.id_prefix);
  std::vector<Assessment> out;
  out.reserve(cases.size());
  for (const auto& p : cases) out.push_back(build(p, area.children[p.child].child.id, o, ids));
  return out;
}

}  // namespace tandem::demo
