#include "demo/assessments.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "core/twenty_week_rate.h"

namespace tandem::demo {
namespace {

const Date kToday = make_date(2025, 1, 16);  // the January 2025 census day
const std::vector<std::string> kCaseworkers{"u-caseworker-1", "u-caseworker-2", "u-caseworker-3"};

const Calibration& calibration(const char* la_code) {
  static std::map<std::string, Calibration> cache;
  auto it = cache.find(la_code);
  if (it == cache.end()) it = cache.emplace(la_code, *calibration_for(la_code)).first;
  return it->second;
}

DemoArea area_for(const Calibration& c, std::uint64_t seed, std::size_t plans = 0) {
  DemoOptions o;
  o.seed = seed;
  o.plans = plans;
  o.today = kToday;
  o.area_id = "demo-area";
  o.staff = {
      {"u-caseworker-1", "Sam Quillfield", Role::caseworker, Agency::council_education},
      {"u-caseworker-2", "Dev Ambrecott", Role::caseworker, Agency::council_education},
      {"u-social-1", "Jo Penhallow", Role::social_care_practitioner, Agency::council_social_care},
  };
  o.icb_names = {"NHS Riverside ICB"};
  o.id_prefix = "t-";
  return generate_demo_area(c, o);
}

AssessmentOptions options(std::uint64_t seed) {
  AssessmentOptions o;
  o.seed = seed;
  o.today = kToday;
  o.area_id = "demo-area";
  o.caseworker_ids = kCaseworkers;
  o.id_prefix = "t-";
  return o;
}

struct Generated {
  const Calibration* calibration;
  DemoArea area;
  std::vector<Assessment> cases;
};

// Stockport (356, 9.9% within 20 weeks in 2023) and Blackpool (890, 85.0%).
const Generated& generated(const char* la_code) {
  static std::map<std::string, Generated> cache;
  auto it = cache.find(la_code);
  if (it == cache.end()) {
    const Calibration& c = calibration(la_code);
    DemoArea area = area_for(c, 11);
    auto cases = generate_assessments(c, area, options(5));
    it = cache.emplace(la_code, Generated{&c, std::move(area), std::move(cases)}).first;
  }
  return it->second;
}

std::string opt(const std::optional<Date>& d) { return d ? format_date(*d) : ""; }

std::string dump(const std::vector<Assessment>& cases) {
  std::ostringstream out;
  for (const auto& a : cases) {
    out << a.id << '|' << a.area_id << '|' << a.child_id << '|' << format_date(a.received_on) << '|'
        << to_string(a.source) << '|' << a.caseworker_id << '|' << opt(a.decided_on) << '|' << a.assess << '|'
        << opt(a.not_to_issue_on) << '|' << opt(a.draft_served_on) << '|' << opt(a.final_issued_on) << '\n';
    for (const auto& v : a.advice) {
      out << "  advice " << v.id << '|' << to_string(v.kind) << '|' << v.provider << '|' << to_string(v.agency) << '|'
          << format_date(v.requested_on) << '|' << opt(v.received_on) << '|' << v.reused << '\n';
    }
    for (const auto& e : a.exceptions) {
      out << "  exception " << e.id << '|' << to_string(e.exception.ground) << '|' << format_date(e.exception.start)
          << '|' << format_date(e.exception.end) << '|' << e.reason << '\n';
    }
  }
  return out.str();
}

bool is_open(const Assessment& a) {
  const auto s = stage_of(a);
  return s == AssessmentStage::awaiting_decision || s == AssessmentStage::assessing ||
         s == AssessmentStage::draft_issued;
}

std::map<std::string, const DemoChild*> children_by_id(const DemoArea& area) {
  std::map<std::string, const DemoChild*> out;
  for (const auto& d : area.children) out[d.child.id] = &d;
  return out;
}

bool has_kind(const Assessment& a, AdviceKind k) {
  return std::any_of(a.advice.begin(), a.advice.end(), [&](const AdviceRequest& v) { return v.kind == k; });
}

TEST(Assessments, SameSeedSameCasesDifferentSeedDifferentCases) {
  const Calibration& c = calibration("890");
  const DemoArea area = area_for(c, 3);
  const auto a = dump(generate_assessments(c, area, options(7)));
  const auto b = dump(generate_assessments(c, area, options(7)));
  const auto d = dump(generate_assessments(c, area, options(8)));
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, d);
}

// Every case is built by the step functions; a refused step throws, so many
// seeds and several areas exercise the generator's date arithmetic.
TEST(Assessments, EveryStepIsAcceptedForManySeedsAndAreas) {
  for (const char* la : {"876", "890", "309", "356", "929"}) {
    const Calibration& c = calibration(la);
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      const DemoArea area = area_for(c, seed, 600);
      EXPECT_NO_THROW(generate_assessments(c, area, options(seed))) << la << " seed " << seed;
    }
  }
  // A "today" in the school summer, so closures and their windows sit near today.
  const Calibration& c = calibration("356");
  for (unsigned month : {3u, 7u, 8u, 9u}) {
    DemoOptions d;
    d.seed = 2;
    d.plans = 800;
    d.today = make_date(2025, month, 20);
    d.area_id = "demo-area";
    const DemoArea area = generate_demo_area(c, d);
    AssessmentOptions o = options(2);
    o.today = d.today;
    EXPECT_NO_THROW(generate_assessments(c, area, o)) << "month " << month;
  }
}

TEST(Assessments, EveryChildInAssessmentHasExactlyOneOpenAssessment) {
  for (const char* la : {"356", "890"}) {
    const auto& g = generated(la);
    std::map<std::string, int> open;
    for (const auto& a : g.cases) {
      if (is_open(a)) ++open[a.child_id];
    }
    std::size_t in_assessment = 0;
    for (const auto& d : g.area.children) {
      if (d.child.plan_status != PlanStatus::assessment) {
        EXPECT_EQ(open.count(d.child.id), 0U) << d.child.id;
        continue;
      }
      ++in_assessment;
      EXPECT_EQ(open[d.child.id], 1) << d.child.id;
    }
    EXPECT_GT(in_assessment, 100U) << la;
  }
}

TEST(Assessments, EveryStageIsRepresented) {
  for (const char* la : {"356", "890"}) {
    std::map<AssessmentStage, int> n;
    for (const auto& a : generated(la).cases) ++n[stage_of(a)];
    for (auto s : {AssessmentStage::awaiting_decision, AssessmentStage::not_assessing, AssessmentStage::assessing,
                   AssessmentStage::not_issuing, AssessmentStage::draft_issued, AssessmentStage::final_issued}) {
      EXPECT_GT(n[s], 0) << la << ' ' << to_string(s);
    }
  }
}

TEST(Assessments, OpenCasesAreAtStagesConsistentWithTheirAge) {
  const auto& g = generated("356");
  int awaiting = 0, overdue = 0, with_exception = 0;
  for (const auto& a : g.cases) {
    if (!is_open(a)) continue;
    const int age = static_cast<int>((kToday - a.received_on).count());
    EXPECT_LE(age, 170) << a.id;
    if (stage_of(a) == AssessmentStage::awaiting_decision) ++awaiting;
    if (stage_of(a) == AssessmentStage::draft_issued) {
      EXPECT_GE(age, 84 - 1) << a.id;  // nobody serves a draft in the first weeks
    }
    if (age > 140 && a.exceptions.empty()) ++overdue;
    if (!a.exceptions.empty()) {
      ++with_exception;
      for (const auto& e : a.exceptions) EXPECT_FALSE(e.reason.empty()) << a.id;
    }
    const auto step = next_step(a, kToday, 14);
    ASSERT_TRUE(step.has_value()) << a.id;
  }
  EXPECT_GT(awaiting, 0);
  EXPECT_GT(overdue, 0);
  EXPECT_GT(with_exception, 0);
}

// DfE's rate: plans issued in the year within 20 weeks with no exception over
// all plans issued in the year with no exception.
std::optional<double> rate_for(const std::vector<Assessment>& cases, int year) {
  std::vector<IssuedPlan> plans;
  for (const auto& a : cases) {
    if (!a.final_issued_on) continue;
    plans.push_back({a.received_on, *a.final_issued_on, !a.exceptions.empty()});
  }
  const auto r = twenty_week_rate(plans, year);
  EXPECT_TRUE(r.has_value());
  return r ? r->excluding_exceptions.percent : std::nullopt;
}

TEST(Assessments, TwentyWeekRateMatchesTheCalibration) {
  const auto& stockport = generated("356");
  const auto& blackpool = generated("890");
  ASSERT_TRUE(stockport.calibration->within_20_weeks_pc.has_value());
  ASSERT_TRUE(blackpool.calibration->within_20_weeks_pc.has_value());
  EXPECT_DOUBLE_EQ(*stockport.calibration->within_20_weeks_pc, 9.9);
  EXPECT_DOUBLE_EQ(*blackpool.calibration->within_20_weeks_pc, 85.0);
  const int last_full_year = 2024;
  for (const auto* g : {&stockport, &blackpool}) {
    const auto rate = rate_for(g->cases, last_full_year);
    ASSERT_TRUE(rate.has_value()) << g->calibration->la_name;
    EXPECT_NEAR(*rate, *g->calibration->within_20_weeks_pc, 3.0) << g->calibration->la_name;
    // The year before as well.
    const auto before = rate_for(g->cases, last_full_year - 1);
    ASSERT_TRUE(before.has_value());
    EXPECT_NEAR(*before, *g->calibration->within_20_weeks_pc, 3.0) << g->calibration->la_name;
  }
}

TEST(Assessments, IssuedPlansAndTheirExceptions) {
  for (const char* la : {"356", "890"}) {
    const auto& g = generated(la);
    int issued = 0, with_exception = 0;
    std::map<int, int> per_year;
    for (const auto& a : g.cases) {
      if (!a.final_issued_on) continue;
      ++issued;
      ++per_year[static_cast<int>(std::chrono::year_month_day{*a.final_issued_on}.year())];
      // An exception is recorded only where it lifted the 20-week limit.
      EXPECT_EQ(twenty_weeks_lifted(a, kToday), !a.exceptions.empty()) << a.id;
      if (!a.exceptions.empty()) ++with_exception;
      EXPECT_TRUE(a.draft_served_on.has_value());
      for (const auto& v : a.advice) EXPECT_TRUE(v.received_on.has_value()) << v.id;
    }
    ASSERT_GT(issued, 0) << la;
    const double share = static_cast<double>(with_exception) / issued;
    EXPECT_GT(share, 0.03) << la;
    EXPECT_LT(share, 0.08) << la;
    EXPECT_GT(per_year[2023], 0) << la;
    EXPECT_GT(per_year[2024], 0) << la;
  }
}

TEST(Assessments, AboutAThirdOfDecisionsAreNotToAssess) {
  const auto& g = generated("356");
  int decided = 0, refused = 0, not_issued = 0;
  const auto children = children_by_id(g.area);
  // Refusals are generated from 1 January two years back; before that the
  // demo holds only the histories of the plans it maintains.
  const Date span_start = make_date(static_cast<int>(std::chrono::year_month_day{kToday}.year()) - 2, 1, 1);
  for (const auto& a : g.cases) {
    if (!a.decided_on || a.received_on < span_start) continue;
    ++decided;
    if (!a.assess) ++refused;
    if (a.not_to_issue_on) ++not_issued;
    if (!a.assess || a.not_to_issue_on) {
      EXPECT_EQ(children.at(a.child_id)->child.plan_status, PlanStatus::sen_support) << a.id;
    }
  }
  const double share = static_cast<double>(refused) / decided;
  EXPECT_GT(share, 0.25);
  EXPECT_LT(share, 0.40);
  EXPECT_GT(not_issued, 0);
}

TEST(Assessments, AdviceFollowsTheRegulations) {
  const auto& g = generated("356");
  const auto children = children_by_id(g.area);
  int advice = 0, reused = 0, social = 0, adulthood = 0;
  for (const auto& a : g.cases) {
    if (!a.decided_on || !a.assess) {
      EXPECT_TRUE(a.advice.empty()) << a.id;
      continue;
    }
    EXPECT_TRUE(has_kind(a, AdviceKind::educational)) << a.id;
    EXPECT_TRUE(has_kind(a, AdviceKind::medical)) << a.id;
    EXPECT_TRUE(has_kind(a, AdviceKind::psychological)) << a.id;
    const DemoChild& d = *children.at(a.child_id);
    const bool known_to_social_care =
        d.child.looked_after || std::any_of(d.involvements.begin(), d.involvements.end(),
                                            [](const auto& i) { return i.agency == Agency::council_social_care; });
    EXPECT_EQ(has_kind(a, AdviceKind::social_care), known_to_social_care) << a.id;
    EXPECT_EQ(has_kind(a, AdviceKind::preparing_for_adulthood), age_on(d.child.date_of_birth, a.received_on) >= 13)
        << a.id;
    social += has_kind(a, AdviceKind::social_care);
    adulthood += has_kind(a, AdviceKind::preparing_for_adulthood);
    for (const auto& v : a.advice) {
      ++advice;
      reused += v.reused;
      EXPECT_FALSE(v.provider.empty()) << v.id;
      if (v.kind == AdviceKind::medical) {
        EXPECT_EQ(v.agency, Agency::icb) << v.id;
      }
    }
  }
  EXPECT_GT(social, 0);
  EXPECT_GT(adulthood, 0);
  const double share = static_cast<double>(reused) / advice;
  EXPECT_GT(share, 0.07);
  EXPECT_LT(share, 0.13);
}

TEST(Assessments, LateAdviceGathersOnNamedHealthProviders) {
  for (const char* la : {"356", "890"}) {
    std::map<std::string, int> late;
    int total = 0;
    for (const auto& a : generated(la).cases) {
      for (const auto& l : late_advice(a, kToday)) {
        ++late[l.request->provider];
        ++total;
      }
    }
    ASSERT_GT(total, 0) << la;
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [name, n] : late) ranked.emplace_back(n, name);
    std::sort(ranked.rbegin(), ranked.rend());
    EXPECT_EQ(ranked.front().second, "Northside Community Health Trust: community paediatrics") << la;
    int top_two = ranked.front().first + (ranked.size() > 1 ? ranked[1].first : 0);
    EXPECT_GE(2 * top_two, total) << la;
  }
}

TEST(Assessments, ExceptionsOfEveryKindHaveReasons) {
  std::set<ExceptionGround> grounds;
  for (const char* la : {"356", "890"}) {
    for (const auto& a : generated(la).cases) {
      for (const auto& e : a.exceptions) {
        grounds.insert(e.exception.ground);
        EXPECT_FALSE(e.reason.empty());
        EXPECT_GE(e.exception.start, a.received_on) << a.id;
        if (e.exception.ground == ExceptionGround::school_closure) {
          const auto& educational = *std::find_if(a.advice.begin(), a.advice.end(), [](const AdviceRequest& v) {
            return v.kind == AdviceKind::educational;
          });
          EXPECT_EQ(educational.agency, Agency::school) << a.id;
        }
      }
    }
  }
  EXPECT_TRUE(grounds.count(ExceptionGround::exceptional_personal_circumstances));
  EXPECT_TRUE(grounds.count(ExceptionGround::away_from_area));
  EXPECT_TRUE(grounds.count(ExceptionGround::school_closure));
}

TEST(Assessments, NoDateIsInTheFuture) {
  for (const char* la : {"356", "890"}) {
    for (const auto& a : generated(la).cases) {
      EXPECT_LE(a.received_on, kToday) << a.id;
      for (const auto& d : {a.decided_on, a.not_to_issue_on, a.draft_served_on, a.final_issued_on}) {
        if (d) {
          EXPECT_LE(*d, kToday) << a.id;
        }
      }
      for (const auto& v : a.advice) {
        EXPECT_LE(v.requested_on, kToday) << v.id;
        if (v.received_on) {
          EXPECT_LE(*v.received_on, kToday) << v.id;
        }
      }
      for (const auto& e : a.exceptions) EXPECT_LE(e.exception.end, kToday) << e.id;
    }
  }
}

TEST(Assessments, IdsAreUniqueAndPrefixed) {
  std::set<std::string> ids;
  for (const auto& a : generated("356").cases) {
    EXPECT_TRUE(ids.insert(a.id).second) << a.id;
    EXPECT_EQ(a.id.rfind("t-a-", 0), 0U) << a.id;
    EXPECT_EQ(a.area_id, "demo-area");
    for (const auto& v : a.advice) {
      EXPECT_TRUE(ids.insert(v.id).second) << v.id;
      EXPECT_EQ(v.id.rfind("t-v-", 0), 0U) << v.id;
    }
    for (const auto& e : a.exceptions) {
      EXPECT_TRUE(ids.insert(e.id).second) << e.id;
      EXPECT_EQ(e.id.rfind("t-x-", 0), 0U) << e.id;
    }
  }
}

// A child's EHC coordinator in the demo area keeps the case when they are one
// of the caseworkers; caseworkers the area does not name are dealt cases in
// turn, so each has open work.
TEST(Assessments, CaseworkersKeepTheirChildrenAndShareTheRest) {
  const auto& g = generated("890");
  const auto children = children_by_id(g.area);
  for (const auto& a : g.cases) {
    EXPECT_NE(std::find(kCaseworkers.begin(), kCaseworkers.end(), a.caseworker_id), kCaseworkers.end()) << a.id;
    for (const auto& i : children.at(a.child_id)->involvements) {
      if (i.role_on_case == "EHC coordinator" && !i.user_id.empty()) {
        EXPECT_EQ(a.caseworker_id, i.user_id) << a.id;
      }
    }
  }

  AssessmentOptions o = options(5);
  o.caseworker_ids = {"u-new-1", "u-new-2", "u-new-3", "u-new-4"};
  std::map<std::string, int> open;
  for (const auto& a : generate_assessments(*g.calibration, g.area, o)) {
    if (is_open(a)) ++open[a.caseworker_id];
  }
  for (const auto& id : o.caseworker_ids) EXPECT_GT(open[id], 10) << id;
  EXPECT_EQ(open.size(), o.caseworker_ids.size());
}

TEST(Assessments, RecentPlansGetAHistoryOfRoughlyTheirNewPlans) {
  const auto& g = generated("890");
  int issued_2024 = 0;
  for (const auto& a : g.cases) {
    if (a.final_issued_on && std::chrono::year_month_day{*a.final_issued_on}.year() == std::chrono::year{2024}) {
      ++issued_2024;
    }
  }
  ASSERT_TRUE(g.calibration->new_plans.has_value());
  EXPECT_GT(issued_2024, *g.calibration->new_plans / 3);
  EXPECT_LE(issued_2024, *g.calibration->new_plans * 3 / 2);
}

TEST(Assessments, AreaOfTwentyThousandPlansIsGenerated) {
  const Calibration& c = calibration("356");
  const DemoArea area = area_for(c, 1, 20000);
  const auto cases = generate_assessments(c, area, options(1));
  std::size_t in_assessment = 0;
  for (const auto& d : area.children) in_assessment += d.child.plan_status == PlanStatus::assessment;
  EXPECT_GT(cases.size(), in_assessment);
}

}  // namespace
}  // namespace tandem::demo
