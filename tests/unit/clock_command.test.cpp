// `tandem clock`: the JSON it prints for one request, and its errors.
#include "cli/clock_command.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tandem::cli {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome run(const ClockArgs& args) {
  std::ostringstream out, err;
  const int code = clock_command(args, out, err);
  return {code, out.str(), err.str()};
}

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(ClockCommand, PrintsTheDeadlinesOfARequestAsJson) {
  ClockArgs args;
  args.received = "2025-01-06";
  args.advice_requested = "2025-01-20";
  args.issued = "2025-05-20";
  args.transfer = "school";
  args.year = 2026;
  args.review_meeting = "2025-10-01";
  args.mediation_informed = "2025-12-23";
  const Outcome r = run(args);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto json = nlohmann::json::parse(r.out);

  struct Case {
    const char* key;
    const char* date;
    const char* basis_part;
    const char* why;
  };
  const Case cases[] = {
      {"received", "2025-01-06", nullptr, "echoed"},
      {"decide_whether_to_assess", "2025-02-17", "reg 5(1)", "receipt + 42 days"},
      {"notify_decision_not_to_issue", "2025-04-28", "reg 10(1)", "receipt + 112 days"},
      {"draft_plan_planning", "2025-05-05", "Derived", "week 17"},
      {"latest_draft_service", "2025-05-11", "Derived", "20 weeks - 15 days"},
      {"final_plan", "2025-05-26", "reg 13(2)", "receipt + 140 days"},
      {"advice_due", "2025-03-03", "reg 8(1)", "adviser's receipt + 42 days"},
      {"first_annual_review", "2026-05-19", "s44(1)", "12 months starting with 20 May 2025"},
      {"under_fives_review_advised", "2025-11-19", "advice, not law", "6 months starting with 20 May 2025"},
      {"phase_transfer", "2026-02-14", "reg 18(1)", "before 15 February 2026"},
      {"review_decision", "2025-10-29", "Devon", "meeting + 4 weeks"},
      {"amended_plan", "2025-12-24", "reg 22(3)-(4)", "meeting + 12 weeks"},
      {"mediation_certificate", "2025-12-30", "reg 34", "3 working days past Christmas and Boxing Day"},
  };
  for (const auto& c : cases) {
    ASSERT_TRUE(json.contains(c.key)) << c.key;
    EXPECT_EQ(json[c.key], c.date) << c.key << ": " << c.why;
    if (c.basis_part == nullptr) continue;
    ASSERT_TRUE(json["basis"].contains(c.key)) << c.key;
    EXPECT_TRUE(mentions(json["basis"][c.key].get<std::string>(), c.basis_part)) << c.key;
  }
}

TEST(ClockCommand, OnlyTheReceivedDateGivesTheAssessmentDeadlines) {
  ClockArgs args;
  args.received = "2024-01-18";
  const Outcome r = run(args);
  ASSERT_EQ(r.code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  EXPECT_EQ(json["decide_whether_to_assess"], "2024-02-29") << "leap day";
  EXPECT_FALSE(json.contains("advice_due"));
  EXPECT_FALSE(json.contains("phase_transfer"));
  EXPECT_FALSE(json.contains("mediation_certificate"));
  EXPECT_EQ(json["basis"].size(), 5U) << "one basis per date key";
}

TEST(ClockCommand, BadInputNamesTheOptionAndExitsTwo) {
  struct Case {
    ClockArgs args;
    std::vector<const char*> mentions_all;
    const char* why;
  };
  auto with = [](auto change) {
    ClockArgs a;
    a.received = "2025-01-06";
    change(a);
    return a;
  };
  const Case cases[] = {
      {with([](ClockArgs& a) { a.received = "06/01/2025"; }), {"--received", "YYYY-MM-DD"}, "not an ISO date"},
      {with([](ClockArgs& a) { a.received = "2025-02-30"; }), {"--received", "real date"}, "no 30 February"},
      {with([](ClockArgs& a) { a.issued = "tomorrow"; }), {"--issued", "YYYY-MM-DD"}, "not a date"},
      {with([](ClockArgs& a) { a.transfer = "school"; }), {"--transfer", "--year"}, "transfer without year"},
      {with([](ClockArgs& a) {
         a.transfer = "primary";
         a.year = 2026;
       }),
       {"--transfer", "school", "post16"},
       "unknown transfer kind"},
      {with([](ClockArgs& a) { a.year = 2026; }), {"--year", "--transfer"}, "year without transfer"},
      {with([](ClockArgs& a) { a.advice_requested = "2025-01-01"; }),
       {"--advice-requested", "before"},
       "advice asked before the request"},
      {with([](ClockArgs& a) { a.mediation_informed = "2031-01-06"; }),
       {"--mediation-informed", "2031"},
       "beyond the bank-holiday data"},
  };
  for (const auto& c : cases) {
    const Outcome r = run(c.args);
    EXPECT_EQ(r.code, 2) << c.why;
    EXPECT_EQ(r.out, "") << c.why << ": nothing half-printed on stdout";
    for (const char* part : c.mentions_all) EXPECT_TRUE(mentions(r.err, part)) << c.why << ": " << r.err;
  }
}

}  // namespace
}  // namespace tandem::cli
