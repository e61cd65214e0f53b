// What a commissioner enters about a commissioning activity, as tables of
// cases: the activity (each wrong field named, all together), evidence for
// the current stage (a link or a Tandem contract, never both), and decisions
// (a partner's own, or the board's recommendation).
#include "core/commissioning_input.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 2, 1);

ActivityInput good() {
  ActivityInput in;
  in.id = "ca-1";
  in.area_id = "area";
  in.title = "Re-commission SEMH provision";
  in.kind = ActivityKind::recommission;
  in.level = CommissioningLevel::service;
  in.partners = {{Agency::council_education, 7'000}, {Agency::icb, 3'000}};
  in.budget = Pence::from_pounds(1'200'000);
  in.stage_due_on = make_date(2026, 6, 30);
  return in;
}

std::vector<std::string> fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

TEST(CommissioningInput, ActivityNamesEveryWrongField) {
  struct Case {
    std::string name;
    void (*change)(ActivityInput&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"good", [](ActivityInput&) {}, {}},
      {"no title", [](ActivityInput& in) { in.title = "  "; }, {"title"}},
      {"no kind or level",
       [](ActivityInput& in) {
         in.kind.reset();
         in.level.reset();
       },
       {"kind", "level"}},
      {"shares short of 100%", [](ActivityInput& in) { in.partners[1].basis_points = 2'000; }, {"partners"}},
      {"no partners", [](ActivityInput& in) { in.partners.clear(); }, {"partners"}},
      {"a school cannot hold a share", [](ActivityInput& in) { in.partners[1].agency = Agency::school; }, {"partners"}},
      {"negative budget", [](ActivityInput& in) { in.budget = Pence(-1); }, {"budget"}},
      {"a zero budget is allowed", [](ActivityInput& in) { in.budget = Pence(0); }, {}},
      {"no due date", [](ActivityInput& in) { in.stage_due_on.reset(); }, {"stage_due_on"}},
      {"cannot start closed", [](ActivityInput& in) { in.stage = CycleStage::closed; }, {"stage"}},
      {"everything",
       [](ActivityInput& in) { in = ActivityInput{}; },
       {"title", "kind", "level", "partners", "budget", "stage_due_on"}},
  };
  for (const auto& c : cases) {
    ActivityInput in = good();
    c.change(in);
    auto a = make_activity(in);
    if (c.fields.empty()) {
      ASSERT_TRUE(a) << c.name << ": " << a.error().first_message();
      EXPECT_EQ(a->stage, CycleStage::joint_understanding) << c.name;
    } else {
      ASSERT_FALSE(a) << c.name;
      EXPECT_EQ(fields(a.error()), c.fields) << c.name;
    }
  }
}

TEST(CommissioningInput, EvidenceIsALinkOrAContractForTheCurrentStage) {
  const Activity a = *make_activity(good());
  struct Case {
    std::string name;
    EvidenceInput in;
    std::string field;  // empty: accepted
    std::string url;
  };
  const Case cases[] = {
      {"a web link", {"needs_analysis", "JSNA 2025", "https://docs.example/jsna", ""}, "", "https://docs.example/jsna"},
      {"a Tandem page", {"gap_list", "Gap list", "/local-offer?q=semh", ""}, "", "/local-offer?q=semh"},
      {"a Tandem contract", {"current_provision", "Current contract", "", "ct-9"}, "", "/contracts/ct-9"},
      {"both", {"gap_list", "Gap list", "https://x.example/a", "ct-9"}, "url", ""},
      {"neither", {"gap_list", "Gap list", "", ""}, "url", ""},
      {"not a link", {"gap_list", "Gap list", "javascript:alert(1)", ""}, "url", ""},
      {"protocol-relative", {"gap_list", "Gap list", "//evil.example/x", ""}, "url", ""},
      {"another stage's need", {"specification", "Spec", "https://x.example/s", ""}, "need_id", ""},
      {"no title", {"gap_list", " ", "https://x.example/s", ""}, "title", ""},
  };
  for (const auto& c : cases) {
    auto e = make_evidence(a, c.in);
    if (c.field.empty()) {
      ASSERT_TRUE(e) << c.name << ": " << e.error().first_message();
      EXPECT_EQ(e->url, c.url) << c.name;
      EXPECT_EQ(e->stage, CycleStage::joint_understanding) << c.name;
    } else {
      ASSERT_FALSE(e) << c.name;
      EXPECT_EQ(e.error().first_field(), c.field) << c.name;
    }
  }
}

TEST(CommissioningInput, DecisionsAreAPartnersOwnOrTheBoards) {
  const Activity a = *make_activity(good());
  struct Case {
    std::string name;
    SignOffInput in;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"a partner approves",
       {false, Agency::icb, make_date(2026, 1, 20), SignOffDecision::approved, "ICB Finance Committee", ""},
       {}},
      {"the board recommends",
       {true, std::nullopt, kToday, SignOffDecision::approved, "SEND Partnership Board", ""},
       {}},
      {"not a partner",
       {false, Agency::nhs_england, kToday, SignOffDecision::approved, "NHS England region", ""},
       {"agency"}},
      {"no agency", {false, std::nullopt, kToday, SignOffDecision::approved, "Cabinet", ""}, {"agency"}},
      {"in the future",
       {false, Agency::icb, make_date(2026, 2, 2), SignOffDecision::approved, "ICB board", ""},
       {"decided_on"}},
      {"a deferral says why", {false, Agency::icb, kToday, SignOffDecision::deferred, "ICB board", ""}, {"note"}},
      {"a deferral with a reason", {false, Agency::icb, kToday, SignOffDecision::deferred, "ICB board", "Costs"}, {}},
      {"nothing", {}, {"agency", "decided_on", "decision", "decision_maker"}},
  };
  for (const auto& c : cases) {
    auto s = make_sign_off(a, c.in, kToday);
    if (c.fields.empty()) {
      ASSERT_TRUE(s) << c.name << ": " << s.error().first_message();
      EXPECT_EQ(s->stage, a.stage) << c.name;
    } else {
      ASSERT_FALSE(s) << c.name;
      EXPECT_EQ(fields(s.error()), c.fields) << c.name;
    }
  }
}

TEST(CommissioningInput, AClosedActivityTakesNothingMore) {
  Activity a = *make_activity(good());
  a.stage = CycleStage::closed;
  EXPECT_EQ(make_evidence(a, {"needs_analysis", "x", "/x", ""}).error().first_field(), "stage");
  EXPECT_EQ(make_sign_off(a, {true, std::nullopt, kToday, SignOffDecision::approved, "Board", ""}, kToday)
                .error()
                .first_field(),
            "stage");
}

}  // namespace
}  // namespace tandem
