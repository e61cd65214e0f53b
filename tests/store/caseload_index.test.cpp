// The caseload from the snapshot in memory (app/caseload_index.h) is the
// caseload ordered in the database: the same rows in the same order, the same
// counts by status and caseworker, the same pages, for every kind of viewer,
// on several days; and the same children logged as shown. A write (a new
// request, a decision, a reallocation, a new involvement, a renamed child),
// through this server or another on the same database, shows on the next
// request. On both engines.
#include "app/caseload_index.h"

#include <gtest/gtest.h>

#include <sstream>

#include "app/access_log.h"
#include "store/assessments.h"
#include "store/audit.h"
#include "store/children.h"
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
           12 * 3600 * app::kMicrosPerSecond + ++tick;
  }
  mutable std::int64_t tick = 0;  // entries logged by one test keep their order
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

std::string describe(const app::CaseloadPage& p) {
  std::ostringstream os;
  os << "page " << p.page << "/" << p.pages << ", " << p.total << " open, " << p.overdue << " overdue, " << p.at_risk
     << " at risk;";
  for (const auto& l : p.by_caseworker)
    os << " " << l.caseworker_id << ":" << l.open << "/" << l.overdue << "/" << l.at_risk;
  for (const auto& r : p.rows) {
    os << "\n  " << r.assessment_id << " " << r.child_name << " " << r.caseworker_id << " "
       << to_string(r.next.state.status) << " " << r.next.days_left << " late " << r.late_advice << " lost "
       << r.days_lost;
  }
  return os.str();
}

bool same(const app::CaseloadPage& a, const app::CaseloadPage& b) {
  auto rows_equal = [](const app::CaseRow& x, const app::CaseRow& y) {
    return x.assessment_id == y.assessment_id && x.child_id == y.child_id && x.child_name == y.child_name &&
           x.caseworker_id == y.caseworker_id && x.stage == y.stage && x.next.step == y.next.step &&
           x.next.label == y.next.label && x.next.state.status == y.next.state.status &&
           x.next.state.deadline.date == y.next.state.deadline.date && x.next.days_left == y.next.days_left &&
           x.late_advice == y.late_advice && x.days_lost == y.days_lost;
  };
  auto loads_equal = [](const app::CaseworkerLoad& x, const app::CaseworkerLoad& y) {
    return x.caseworker_id == y.caseworker_id && x.open == y.open && x.overdue == y.overdue && x.at_risk == y.at_risk;
  };
  return a.total == b.total && a.overdue == b.overdue && a.at_risk == b.at_risk && a.page == b.page &&
         a.pages == b.pages && std::equal(a.rows.begin(), a.rows.end(), b.rows.begin(), b.rows.end(), rows_equal) &&
         std::equal(a.by_caseworker.begin(), a.by_caseworker.end(), b.by_caseworker.begin(), b.by_caseworker.end(),
                    loads_equal);
}

class CaseloadIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = testing::open_test_database("caseload_index");
    log_ = std::make_unique<app::AccessLog>(*t_.db);
    t_.db->write([&](store::Tx& tx) {
      store::upsert_area(tx, {"area", "Test area", "999"});
      store::upsert_area(tx, {"other", "Other area", "998"});
    });
  }
  void TearDown() override { log_.reset(); }

  // Services reading the database every time, and through the index.
  app::RegisterServices direct() { return {*t_.db, clock_, *log_}; }
  app::RegisterServices indexed() { return {*t_.db, clock_, *log_, nullptr, &index_}; }

  void child(const std::string& id, const std::string& area = "area") {
    Child c;
    c.id = id;
    c.area_id = area;
    c.given_name = "Given" + id;
    c.family_name = "Family";
    c.date_of_birth = make_date(2015, 3, 1);
    c.sex = "F";
    c.plan_status = PlanStatus::assessment;
    t_.db->write([&](store::Tx& tx) { store::insert_child(tx, c, 1); });
  }
  void involve(const std::string& child_id, Agency agency, const std::string& user = "",
               std::optional<Date> ended = std::nullopt) {
    t_.db->write([&](store::Tx& tx) {
      store::insert_involvement(
          tx, "area", child_id,
          {"i-" + std::to_string(++involvements_), agency, user, "", "", make_date(2020, 1, 1), ended});
    });
  }
  void save(const Assessment& a) {
    bool saved = false;
    t_.db->write([&](store::Tx& tx) { saved = store::save_assessment(tx, a, 1); });
    EXPECT_TRUE(saved);
  }
  std::string last_shown(const std::string& user_id) {
    std::vector<store::AuditEntryView> entries;
    t_.db->read([&](store::Tx& tx) { entries = store::query_audit(tx, {"area", "", user_id, 1, 0}); });
    return entries.empty() ? "" : entries.front().action + " " + entries.front().child_ids;
  }

  // 400 cases received over a year at every stage, some under exceptions, for
  // five caseworkers (one of whom has left) and some with no caseworker;
  // children known to council education as a whole, to the ICB as a whole, to
  // social care, to a named school user or a named person of the council, some
  // only through an involvement that has ended, one of another area.
  void generate() {
    const Date first = make_date(2025, 1, 6);
    for (int i = 0; i < 400; ++i) {
      const std::string n = std::to_string(i);
      const std::string c = "c-" + n;
      child(c, i == 77 ? "other" : "area");
      if (i % 13 == 5) {
        involve(c, Agency::icb);
      } else if (i % 17 == 3) {
        involve(c, Agency::school, "u-school");
      } else if (i % 19 == 4) {
        involve(c, Agency::council_education, "u-1");
        involve(c, Agency::council_social_care);
      } else if (i % 23 == 6) {
        involve(c, Agency::council_education, "", make_date(2024, 6, 1));
      } else {
        involve(c, Agency::council_education);
        if (i % 3 == 0) involve(c, Agency::icb);
      }
      const Date received = first + days{(i * 37) % 330};
      auto a = open_assessment("a-" + n, "area", c, received, RequestSource::parent);
      a.caseworker_id = i % 29 == 0 ? "" : "u-" + std::to_string(1 + i % 5);
      if (i % 7 != 0) a = *decide_whether_to_assess(a, received + days{20 + i % 30}, i % 11 != 0, kLongAfter);
      if (a.assess && i % 6 == 2) {
        a = *request_advice(a,
                            {"v-" + n, AdviceKind::medical, "Northside Health", Agency::icb, *a.decided_on + days{1},
                             std::nullopt, false},
                            kLongAfter);
      }
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
            a,
            {"x-" + n, {ExceptionGround::school_closure, received + days{100 + i % 50}, received + days{160}}, "Shut"},
            kLongAfter);
      }
      if (a.assess && i % 4 == 3) a = *serve_draft(a, received + days{90 + i % 40}, kLongAfter);
      if (a.draft_served_on && i % 8 == 7) a = *issue_final(a, *a.draft_served_on + days{20}, kLongAfter);
      // A few withdrawn by the family, at whatever stage the case had reached.
      if (i % 31 == 9 && withdraw_request(a, received + days{30 + i % 70}, kLongAfter)) {
        a = *withdraw_request(a, received + days{30 + i % 70}, kLongAfter);
      }
      save(a);
    }
  }

  testing::TestDatabase t_;
  FixedClock clock_;
  std::unique_ptr<app::AccessLog> log_;
  app::CaseloadIndex index_;
  int involvements_ = 0;
};

TEST_F(CaseloadIndex, GivesTheSamePagesCountsAndAccessLogAsTheDatabase) {
  generate();
  const std::vector<app::SignedIn> viewers = {
      person("u-1", Role::caseworker, Agency::council_education),
      person("u-3", Role::sen_manager, Agency::council_education),
      person("u-9", Role::icb_commissioner, Agency::icb),
      person("u-8", Role::social_care_practitioner, Agency::council_social_care),
      person("u-school", Role::provider, Agency::school),
      person("u-7", Role::provider, Agency::provider),
  };
  int compared = 0, with_rows = 0;
  for (const Date today : {make_date(2025, 2, 1), make_date(2025, 5, 20), make_date(2025, 8, 14),
                           make_date(2025, 11, 30), make_date(2026, 3, 1)}) {
    clock_.day = today;
    for (const auto& user : viewers) {
      for (const bool mine : {false, true}) {
        for (int page = 0, pages = 1; page <= pages + 1; ++page) {
          auto d = direct();
          auto x = indexed();
          const auto expected = app::caseload(d, user, mine, page, "GET /cases");
          const auto logged_direct = last_shown(user.user_id);
          const auto actual = app::caseload(x, user, mine, page, "GET /cases");
          const auto logged_indexed = last_shown(user.user_id);
          pages = expected.pages;
          EXPECT_TRUE(same(actual, expected))
              << format_date(today) << " " << user.user_id << (mine ? " own" : " area") << " page " << page
              << "\nindexed: " << describe(actual) << "\ndatabase: " << describe(expected);
          EXPECT_EQ(logged_indexed, logged_direct) << "the same children are logged as shown";
          ++compared;
          with_rows += actual.rows.empty() ? 0 : 1;
        }
      }
    }
  }
  EXPECT_GT(with_rows, compared / 2) << "most comparisons are of pages with cases on them";
  EXPECT_EQ(index_.builds(), 1u) << "nothing was written: one snapshot served every request";

  clock_.day = make_date(2025, 8, 14);
  auto x = indexed();
  const auto area = app::caseload(x, viewers[0], false, 1, "GET /cases?scope=area");
  EXPECT_GT(area.pages, 3) << "enough cases to page";
  EXPECT_GT(area.overdue, 0);
  EXPECT_GT(area.at_risk, 0);
  EXPECT_GE(area.by_caseworker.size(), 5u);
  const auto school = app::caseload(x, viewers[4], false, 1, "GET /cases");
  EXPECT_GT(school.total, 0);
  EXPECT_LT(school.total, area.total) << "the school user sees only the children they are named on";
  EXPECT_EQ(app::caseload(x, viewers[5], false, 1, "GET /cases").total, 0) << "a provider named on none sees none";
}

TEST_F(CaseloadIndex, AWriteShowsOnTheNextRequest) {
  clock_.day = make_date(2025, 8, 14);
  const auto caseworker = person("u-1", Role::caseworker, Agency::council_education);
  const auto manager = person("u-2", Role::sen_manager, Agency::council_education);
  const auto school = person("u-school", Role::provider, Agency::school);
  t_.db->write([&](store::Tx& tx) {
    for (const auto& u : {caseworker, manager}) {
      store::insert_user(tx, {u.user_id, u.email, u.display_name, "", false, 1});
      store::upsert_membership(tx, {u.user_id, "area", u.role, u.agency});
    }
  });
  for (int i = 0; i < 3; ++i) {
    child("c-" + std::to_string(i));
    involve("c-" + std::to_string(i), Agency::council_education);
  }
  auto x = indexed();
  auto d = direct();
  auto both = [&](const app::SignedIn& user, bool mine) {
    const auto expected = app::caseload(d, user, mine, 1, "GET /cases");
    const auto actual = app::caseload(x, user, mine, 1, "GET /cases");
    EXPECT_TRUE(same(actual, expected)) << "indexed: " << describe(actual) << "\ndatabase: " << describe(expected);
    return actual;
  };
  EXPECT_EQ(both(caseworker, false).total, 0);

  // A new request.
  app::StartAssessment request{"2025-08-01", "parent"};
  ASSERT_TRUE(std::holds_alternative<Assessment>(app::start_assessment(x, caseworker, "c-0", request)));
  auto mine = both(caseworker, true);
  ASSERT_EQ(mine.total, 1);
  EXPECT_EQ(mine.rows.at(0).next.step, ClockStep::decide_whether_to_assess);
  const auto id = mine.rows.at(0).assessment_id;

  // A decision.
  app::StepInput decide;
  decide.step = "decide";
  decide.on = "2025-08-10";
  decide.assess = "yes";
  decide.version = 1;
  ASSERT_TRUE(std::holds_alternative<Assessment>(app::record_step(x, caseworker, id, decide)));
  mine = both(caseworker, true);
  ASSERT_EQ(mine.total, 1);
  EXPECT_EQ(mine.rows.at(0).stage, AssessmentStage::assessing);

  // An allocation to another caseworker: gone from mine, counted under theirs.
  ASSERT_TRUE(std::holds_alternative<Assessment>(app::reassign_case(x, manager, id, "u-2", 2)));
  EXPECT_EQ(both(caseworker, true).total, 0);
  const auto area = both(caseworker, false);
  ASSERT_EQ(area.by_caseworker.size(), 1u);
  EXPECT_EQ(area.by_caseworker.at(0).caseworker_id, "u-2");

  // A named involvement opens the case to a school user; a new name shows.
  EXPECT_EQ(both(school, false).total, 0);
  involve("c-0", Agency::school, "u-school");
  EXPECT_EQ(both(school, false).total, 1);
  t_.db->write([&](store::Tx& tx) {
    auto c = *store::find_child(tx, "area", "c-0");
    c.given_name = "Renamed";
    ASSERT_TRUE(store::update_child(tx, c, 2));
  });
  EXPECT_EQ(both(school, false).rows.at(0).child_name, "Renamed Family");

  // Through another server on the same database: its writes show here too.
  auto elsewhere = store::Database::open(t_.url, 2);
  Child c = [&] {
    std::optional<Child> found;
    elsewhere->read([&](store::Tx& tx) { found = store::find_child(tx, "area", "c-1"); });
    return *found;
  }();
  elsewhere->write([&](store::Tx& tx) {
    store::save_assessment(
        tx, open_assessment("a-elsewhere", "area", "c-1", make_date(2025, 7, 1), RequestSource::parent), 3);
  });
  EXPECT_EQ(both(caseworker, false).total, 2) << "a request recorded on another server";
  elsewhere->write([&](store::Tx& tx) {
    store::insert_involvement(tx, "area", "c-1",
                              {"i-elsewhere", Agency::school, "u-school", "", "", make_date(2020, 1, 1), {}});
  });
  EXPECT_EQ(both(school, false).total, 2) << "an involvement recorded on another server";
  c.family_name = "Moved";
  elsewhere->write([&](store::Tx& tx) { ASSERT_TRUE(store::update_child(tx, c, 4)); });
  bool renamed = false;
  for (const auto& r : both(school, false).rows) renamed = renamed || r.child_name == "Givenc-1 Moved";
  EXPECT_TRUE(renamed) << "a name changed on another server";

  const auto builds = index_.builds();
  both(caseworker, false);
  both(school, true);
  EXPECT_EQ(index_.builds(), builds) << "reading changes nothing: the snapshot is kept";
}

TEST_F(CaseloadIndex, AWithdrawnRequestLeavesTheCaseloadOnBothPaths) {
  clock_.day = make_date(2026, 6, 1);
  const auto caseworker = person("u-1", Role::caseworker, Agency::council_education);
  child("c-0");
  involve("c-0", Agency::council_education);
  // Received long ago and never decided: overdue until the family withdraws it.
  auto a = open_assessment("a-w", "area", "c-0", make_date(2025, 1, 6), RequestSource::parent);
  a.caseworker_id = "u-1";
  save(a);
  auto x = indexed();
  auto d = direct();
  for (auto* services : {&d, &x}) {
    const auto page = app::caseload(*services, caseworker, false, 1, "GET /cases");
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.overdue, 1);
  }
  app::StepInput withdraw;
  withdraw.step = "withdraw";
  withdraw.on = "2025-01-20";
  withdraw.version = 1;
  auto after = app::record_step(x, caseworker, "a-w", withdraw);
  ASSERT_TRUE(std::holds_alternative<Assessment>(after));
  EXPECT_EQ(std::get<Assessment>(after).withdrawn_on, make_date(2025, 1, 20));
  for (auto* services : {&d, &x}) {
    const auto page = app::caseload(*services, caseworker, false, 1, "GET /cases");
    EXPECT_EQ(page.total, 0) << (services == &x ? "in memory" : "in the database");
    EXPECT_EQ(page.overdue, 0);
    EXPECT_TRUE(page.by_caseworker.empty());
  }
  std::vector<Assessment> open;
  t_.db->read([&](store::Tx& tx) { open = store::open_assessments(tx, "area"); });
  EXPECT_TRUE(open.empty()) << "nor is it among the area's open assessments";
  std::optional<Assessment> stored;
  t_.db->read([&](store::Tx& tx) { stored = store::find_assessment(tx, "area", "a-w"); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->withdrawn_on, make_date(2025, 1, 20)) << "the date is kept";
  EXPECT_EQ(stage_of(*stored), AssessmentStage::withdrawn);
}

TEST_F(CaseloadIndex, EveryWriteTheCaseloadReadsChangesAToken) {
  auto tokens = [&] {
    store::CaseloadTokens t;
    t_.db->read([&](store::Tx& tx) { t = store::caseload_tokens(tx, "area"); });
    return t;
  };
  auto before = tokens();
  auto changed = [&](const char* what) {
    const auto now = tokens();
    EXPECT_NE(now, before) << what;
    before = now;
  };
  child("c-1");
  changed("a new child");
  involve("c-1", Agency::council_education);
  changed("a new involvement");
  const auto a = open_assessment("a-1", "area", "c-1", make_date(2025, 7, 1), RequestSource::parent);
  save(a);
  changed("a new request");
  // What a case saved before migration 0014 gets on first use.
  t_.db->write([&](store::Tx& tx) { store::store_case_clock(tx, a); });
  changed("a clock filled in");
  t_.db->write([&](store::Tx& tx) { store::delete_assessments(tx, "area"); });
  changed("the area's cases removed");
  t_.db->write([&](store::Tx& tx) { store::delete_register(tx, "area"); });
  changed("the register rebuilt");
  t_.db->read([&](store::Tx& tx) { store::caseload_cases(tx, "area"); });
  EXPECT_EQ(tokens(), before) << "reading changes nothing";
  child("c-2", "other");
  EXPECT_EQ(tokens(), before) << "another area's child";
}

}  // namespace
}  // namespace tandem
