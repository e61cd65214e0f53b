// Each case's clock is stored with it by every step that changes it; the
// caseload ordered and paged from the stored clock is the order the clock
// itself gives (overdue, at risk, on time, under an exception, then by days
// left), for the viewer's cases only; the 20-week rate follows a recorded step
// at once. On both engines.
#include "store/assessments.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/access_log.h"
#include "app/assessments.h"
#include "app/warning_margins.h"
#include "store/children.h"
#include "store/detail/tx.h"
#include "store/people.h"
#include "test_database.h"

namespace tandem {
namespace {

using std::chrono::days;

const Date kLongAfter = make_date(2027, 1, 1);  // bounds the steps' dates only

class FixedClock final : public app::Clock {
 public:
  Date day = make_date(2025, 6, 1);
  std::int64_t now_micros() const override {
    return std::chrono::duration_cast<std::chrono::microseconds>(day.time_since_epoch()).count() +
           12 * 3600 * app::kMicrosPerSecond;
  }
};

app::SignedIn person(const std::string& id, Role role, Agency agency) {
  app::SignedIn u;
  u.user_id = id;
  u.email = id + "@example.org";
  u.display_name = id;
  u.area_id = "area";
  u.area_name = "Test area";
  u.role = role;
  u.agency = agency;
  return u;
}

class Assessments : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("assessments");
    log_ = std::make_unique<app::AccessLog>(*t_.db);
    t_.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  }
  void TearDown() override { log_.reset(); }

  // A child involved with `agency` as a whole, or with `user` by name.
  void child(const std::string& id, Agency agency, const std::string& user = "") {
    Child c;
    c.id = id;
    c.area_id = "area";
    c.given_name = "Given" + id;
    c.family_name = "Family";
    c.date_of_birth = make_date(2015, 3, 1);
    c.sex = "F";
    c.plan_status = PlanStatus::assessment;
    t_.db->write([&](store::Tx& tx) {
      store::insert_child(tx, c, 1);
      store::insert_involvement(tx, "area", id, {"i-" + id, agency, user, "", "", make_date(2020, 1, 1), std::nullopt});
    });
  }
  // Saves the case as a step leaves it; returns it with its new version.
  Assessment save(Assessment a) {
    bool saved = false;
    t_.db->write([&](store::Tx& tx) { saved = store::save_assessment(tx, a, 1); });
    EXPECT_TRUE(saved);
    ++a.version;
    return a;
  }
  CaseClock stored(const std::string& id) {
    std::optional<CaseClock> c;
    t_.db->read([&](store::Tx& tx) { c = store::stored_case_clock(tx, "area", id); });
    EXPECT_TRUE(c);
    return c.value_or(CaseClock{});
  }
  app::RegisterServices services() { return {*t_.db, clock_, *log_}; }

  testing::TestDatabase t_;
  FixedClock clock_;
  std::unique_ptr<app::AccessLog> log_;
};

TEST_F(Assessments, EveryStepStoresTheClockItLeaves) {
  child("c-1", Agency::council_education);
  const Date received = make_date(2025, 1, 6);
  auto a = save(open_assessment("a-1", "area", "c-1", received, RequestSource::parent));
  EXPECT_EQ(stored("a-1"), case_clock(a));
  EXPECT_EQ(stored("a-1").due_on, make_date(2025, 2, 17)) << "decide within 6 weeks, reg 5(1)";

  a = save(*decide_whether_to_assess(a, make_date(2025, 2, 10), true, kLongAfter));
  EXPECT_EQ(stored("a-1"), (CaseClock{make_date(2025, 4, 28), std::nullopt, make_date(2025, 5, 26), std::nullopt}))
      << "16 weeks to decide not to issue, then the 20-week final plan";

  a = save(*request_advice(
      a, {"v-1", AdviceKind::medical, "Northside Health", Agency::icb, make_date(2025, 2, 11), std::nullopt, false},
      kLongAfter));
  a = save(*receive_advice(a, "v-1", make_date(2025, 3, 20), kLongAfter));
  EXPECT_EQ(stored("a-1"), case_clock(a)) << "advice leaves the case's own limits as they were";

  a = save(*record_exception(
      a, {"x-1", {ExceptionGround::away_from_area, make_date(2025, 3, 1), make_date(2025, 4, 4)}, "Abroad"},
      kLongAfter));
  EXPECT_EQ(stored("a-1").lifted_on, make_date(2025, 3, 1)) << "reg 10(4)(d) lifts the 16 weeks";
  EXPECT_EQ(stored("a-1").then_lifted_on, make_date(2025, 3, 1)) << "and reg 13(3) the 20";

  a = save(*serve_draft(a, make_date(2025, 4, 25), kLongAfter));
  EXPECT_EQ(stored("a-1"), (CaseClock{make_date(2025, 5, 26), make_date(2025, 3, 1), std::nullopt, std::nullopt}))
      << "once the draft is out only the final plan is chased";

  a = save(*issue_final(a, make_date(2025, 5, 13), kLongAfter));
  EXPECT_EQ(stored("a-1"), CaseClock{}) << "a finished case has nothing to chase";

  child("c-2", Agency::council_education);
  auto b = save(open_assessment("a-2", "area", "c-2", received, RequestSource::parent));
  b = save(*decide_whether_to_assess(b, make_date(2025, 2, 1), true, kLongAfter));
  b = save(*decide_not_to_issue(b, make_date(2025, 4, 1), kLongAfter));
  EXPECT_EQ(stored("a-2"), CaseClock{});
  child("c-3", Agency::council_education);
  auto c = save(open_assessment("a-3", "area", "c-3", received, RequestSource::parent));
  c = save(*decide_whether_to_assess(c, make_date(2025, 2, 1), false, kLongAfter));
  EXPECT_EQ(stored("a-3"), CaseClock{});

  // Reassigning saves the case too, and keeps its clock.
  child("c-4", Agency::council_education);
  auto d = save(open_assessment("a-4", "area", "c-4", received, RequestSource::parent));
  d.caseworker_id = "u-2";
  d = save(d);
  EXPECT_EQ(stored("a-4"), case_clock(d));
}

TEST_F(Assessments, FillingInAClockChangesNothingElse) {
  child("c-1", Agency::council_education);
  const auto a = save(open_assessment("a-1", "area", "c-1", make_date(2025, 1, 6), RequestSource::parent));
  std::vector<std::string> without;
  t_.db->read([&](store::Tx& tx) { without = store::assessments_without_clock(tx, "area"); });
  EXPECT_TRUE(without.empty()) << "every save stores the clock";
  // What a case saved before migration 0014 gets on first use.
  const auto decided = *decide_whether_to_assess(a, make_date(2025, 2, 10), true, kLongAfter);
  t_.db->write([&](store::Tx& tx) { store::store_case_clock(tx, decided); });
  EXPECT_EQ(stored("a-1"), case_clock(decided));
  std::optional<Assessment> read;
  t_.db->read([&](store::Tx& tx) { read = store::find_assessment(tx, "area", "a-1"); });
  ASSERT_TRUE(read);
  EXPECT_EQ(read->version, a.version) << "not a step: no new version";
  EXPECT_FALSE(read->decided_on);
}

int severity(StepStatus s) {
  switch (s) {
    case StepStatus::overdue: return 0;
    case StepStatus::at_risk: return 1;
    case StepStatus::on_time: return 2;
    case StepStatus::exception_applies: return 3;
    default: return 4;
  }
}

struct Shown {
  std::string id;
  StepStatus status;
  int days_left;
  bool operator==(const Shown&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Shown& s) {
  return os << s.id << " " << to_string(s.status) << " " << s.days_left;
}

TEST_F(Assessments, TheCaseloadFromTheStoredClockIsTheClocksOwnOrder) {
  // 150 cases received over a year at every stage, some under exceptions, for
  // three caseworkers; some children only the ICB or one named person may see.
  const Date first = make_date(2025, 1, 6);
  for (int i = 0; i < 150; ++i) {
    const std::string n = std::to_string(i);
    if (i % 13 == 5) {
      child("c-" + n, Agency::icb);
    } else if (i % 17 == 3) {
      child("c-" + n, Agency::icb, "u-1");
    } else {
      child("c-" + n, Agency::council_education);
    }
    const Date received = first + days{(i * 37) % 330};
    auto a = open_assessment("a-" + n, "area", "c-" + n, received, RequestSource::parent);
    a.caseworker_id = "u-" + std::to_string(1 + i % 3);
    if (i % 7 != 0) a = *decide_whether_to_assess(a, received + days{20 + i % 30}, i % 11 != 0, kLongAfter);
    if (a.assess && i % 5 == 1) {
      a = *record_exception(
          a,
          {"x-" + n,
           {ExceptionGround::away_from_area, received + days{10 + i % 60}, received + days{50 + i % 60}},
           "Away"},
          kLongAfter);
    }
    if (a.assess && i % 5 == 2) {
      a = *record_exception(
          a, {"x-" + n, {ExceptionGround::school_closure, received + days{100 + i % 50}, received + days{160}}, "Shut"},
          kLongAfter);
    }
    if (a.assess && i % 4 == 3) a = *serve_draft(a, received + days{90 + i % 40}, kLongAfter);
    if (a.draft_served_on && i % 8 == 7) a = *issue_final(a, *a.draft_served_on + days{20}, kLongAfter);
    save(a);
  }
  const auto caseworker = person("u-1", Role::caseworker, Agency::council_education);
  const auto icb = person("u-9", Role::icb_commissioner, Agency::icb);
  for (const Date today : {make_date(2025, 2, 1), make_date(2025, 5, 20), make_date(2025, 8, 14),
                           make_date(2025, 11, 30), make_date(2026, 3, 1)}) {
    clock_.day = today;
    for (const auto& [user, mine] :
         std::vector<std::pair<app::SignedIn, bool>>{{caseworker, false}, {caseworker, true}, {icb, false}}) {
      // What the caseload showed before the clock was stored: every open case
      // the viewer may see, through next_step(), most urgent first.
      std::vector<Shown> expected;
      t_.db->read([&](store::Tx& tx) {
        const bool agency_wide = role_has(user.role, Permission::view_child);
        for (const auto& a :
             store::open_assessments_visible(tx, "area", user.user_id, std::string(to_string(user.agency)), agency_wide,
                                             mine ? user.user_id : "")) {
          if (auto next = next_step(a, today, app::warning_margins("area").assessment_at_risk_days)) {
            expected.push_back({a.id, next->state.status, next->days_left});
          }
        }
      });
      std::stable_sort(expected.begin(), expected.end(), [](const Shown& x, const Shown& y) {
        if (severity(x.status) != severity(y.status)) return severity(x.status) < severity(y.status);
        return x.days_left < y.days_left;
      });
      auto s = services();
      std::vector<Shown> actual;
      int pages = 1, overdue = 0, at_risk = 0;
      for (int page = 1; page <= pages; ++page) {
        const auto load = app::caseload(s, user, mine, page, "GET /cases");
        pages = load.pages;
        EXPECT_EQ(load.total, static_cast<int>(expected.size()));
        overdue = load.overdue;
        at_risk = load.at_risk;
        int open = 0;
        for (const auto& l : load.by_caseworker) open += l.open;
        EXPECT_EQ(open, load.total);
        for (const auto& r : load.rows) actual.push_back({r.assessment_id, r.next.state.status, r.next.days_left});
      }
      EXPECT_EQ(actual, expected) << format_date(today) << " " << user.user_id << (mine ? " own" : " area");
      EXPECT_EQ(overdue, std::count_if(expected.begin(), expected.end(),
                                       [](const Shown& x) { return x.status == StepStatus::overdue; }));
      EXPECT_EQ(at_risk, std::count_if(expected.begin(), expected.end(),
                                       [](const Shown& x) { return x.status == StepStatus::at_risk; }));
    }
  }
  clock_.day = make_date(2025, 8, 14);
  auto s = services();
  const auto area = app::caseload(s, caseworker, false, 1, "GET /cases");
  EXPECT_GT(area.pages, 1) << "enough cases to page";
  EXPECT_GT(area.overdue, 0);
  EXPECT_GT(area.at_risk, 0);
  EXPECT_EQ(app::caseload(s, caseworker, false, 99, "GET /cases").page, area.pages)
      << "a page past the end is the last";
}

TEST_F(Assessments, TheTwentyWeekRateFollowsARecordedStepAtOnce) {
  clock_.day = make_date(2025, 12, 1);
  const auto caseworker = person("u-1", Role::caseworker, Agency::council_education);
  child("c-1", Agency::council_education);
  child("c-2", Agency::council_education);
  auto a = open_assessment("a-1", "area", "c-1", make_date(2025, 1, 6), RequestSource::parent);
  a = *decide_whether_to_assess(a, make_date(2025, 2, 10), true, kLongAfter);
  a = *serve_draft(a, make_date(2025, 4, 25), kLongAfter);
  save(*issue_final(a, make_date(2025, 5, 13), kLongAfter));
  auto b = open_assessment("a-2", "area", "c-2", make_date(2025, 1, 6), RequestSource::parent);
  b = *decide_whether_to_assess(b, make_date(2025, 2, 10), true, kLongAfter);
  b = save(*serve_draft(b, make_date(2025, 6, 2), kLongAfter));
  b.caseworker_id = "u-1";
  b = save(b);

  auto s = services();
  auto rate = app::area_twenty_week_rate(s, caseworker, 2025);
  EXPECT_EQ(rate.including_exceptions, (Rate{1, 1, 100.0}));
  EXPECT_EQ(app::area_twenty_week_rate(s, caseworker, 2025).including_exceptions, (Rate{1, 1, 100.0}));

  app::StepInput final_step;
  final_step.step = "final";
  final_step.on = "2025-06-30";
  final_step.version = b.version;
  const auto outcome = app::record_step(s, caseworker, "a-2", final_step);
  ASSERT_TRUE(std::holds_alternative<Assessment>(outcome));
  rate = app::area_twenty_week_rate(s, caseworker, 2025);
  EXPECT_EQ(rate.including_exceptions, (Rate{1, 2, 50.0})) << "the late plan counts as soon as it is recorded";
  EXPECT_EQ(rate.excluding_exceptions, (Rate{1, 2, 50.0}));

  // Another database for the same area, year and day has its own figure.
  auto other = testing::open_test_database("assessments_other");
  other.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"area", "Test area", "999"}); });
  app::AccessLog other_log(*other.db);
  app::RegisterServices elsewhere{*other.db, clock_, other_log};
  EXPECT_EQ(app::area_twenty_week_rate(elsewhere, caseworker, 2025).including_exceptions, (Rate{0, 0, std::nullopt}));
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

// The plan SQLite takes for "this child's assessments in this area" (the record
// page), after the server's start-up refresh of the planner's statistics.
std::string plan_for_one_childs_assessments(store::Tx& tx) {
  std::string plan;
  int id = 0, parent = 0, unused = 0;
  std::string detail;
  soci::statement st = (tx.sql.prepare << "EXPLAIN QUERY PLAN SELECT id FROM assessments WHERE area_id = 'area' "
                                          "AND child_id = 'c-7'",
                        soci::into(id), soci::into(parent), soci::into(unused), soci::into(detail));
  st.execute();
  while (st.fetch()) plan += detail + "\n";
  return plan;
}

TEST_F(Assessments, AChildsAssessmentsAreReadThroughTheChildIndexOnceStatisticsAreRefreshed) {
  for (int i = 0; i < 60; ++i) {
    const auto id = "c-" + std::to_string(i);
    child(id, Agency::council_education);
    for (int k = 0; k < 3; ++k) {
      save(open_assessment("a-" + std::to_string(i) + "-" + std::to_string(k), "area", id, make_date(2024 + k, 1, 6),
                           RequestSource::parent));
    }
  }
  t_.db->refresh_statistics();
  std::vector<Assessment> found;
  t_.db->read([&](store::Tx& tx) { found = store::assessments_of_child(tx, "area", "c-7"); });
  EXPECT_EQ(found.size(), 3u);
  if (t_.db->engine() == store::Engine::sqlite) {
    std::string plan;
    t_.db->read([&](store::Tx& tx) { plan = plan_for_one_childs_assessments(tx); });
    EXPECT_NE(plan.find("assessments_child"), std::string::npos) << plan;
  }
}

}  // namespace
}  // namespace tandem

namespace tandem {
namespace {

// The warning before a deadline is each area's choice ([warnings] in its
// profile): the same case 18 days from its reg 5(1) decision is at risk where
// the area warns 21 days ahead (the demo) and on time under Tandem's default
// of 14 (an area with no shipped profile). The statutory date is the same.
TEST_F(Assessments, EachAreaWarnsAsFarAheadAsItsProfileSays) {
  ASSERT_EQ(app::warning_margins("demo").assessment_at_risk_days, 21);
  ASSERT_EQ(app::warning_margins("area").assessment_at_risk_days, WarningMargins{}.assessment_at_risk_days);
  t_.db->write([&](store::Tx& tx) { store::upsert_area(tx, {"demo", "Demo area", "998"}); });
  const Date received = clock_.day - days(42 - 18);
  for (const std::string area : {"area", "demo"}) {
    Child c;
    c.id = "c-" + area;
    c.area_id = area;
    c.given_name = "Given";
    c.family_name = "Family";
    c.date_of_birth = make_date(2015, 3, 1);
    c.sex = "F";
    c.plan_status = PlanStatus::assessment;
    t_.db->write([&](store::Tx& tx) {
      store::insert_child(tx, c, 1);
      store::insert_involvement(
          tx, area, c.id, {"i-" + area, Agency::council_education, "", "", "", make_date(2020, 1, 1), std::nullopt});
    });
    save(open_assessment("a-" + area, area, c.id, received, RequestSource::parent));
  }
  auto s = services();
  for (const auto& [area, expected] :
       {std::pair{"area", StepStatus::on_time}, std::pair{"demo", StepStatus::at_risk}}) {
    auto user = person(std::string("manager-") + area, Role::sen_manager, Agency::council_education);
    user.area_id = area;
    const auto load = app::caseload(s, user, false, 1, "GET /cases");
    ASSERT_EQ(load.rows.size(), 1u) << area;
    EXPECT_EQ(load.rows[0].next.days_left, 18) << area;
    EXPECT_EQ(load.rows[0].next.state.status, expected) << area;
    EXPECT_EQ(load.at_risk, expected == StepStatus::at_risk ? 1 : 0) << area;
  }
}

}  // namespace
}  // namespace tandem
