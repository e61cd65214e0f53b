// Families' feedback: what a new item needs, how triage moves it on, what may
// be published (never anything that looks like personal data), half-years,
// and the six-monthly counts.
#include "core/feedback.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tandem {
namespace {

const Date kToday = make_date(2026, 5, 20);
const std::string kService = "3f0c2a9e-1b4d-4c8e-9f10-2a3b4c5d6e7f";

std::vector<std::string> fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

TEST(Feedback, NewFeedbackNamesEachWrongField) {
  struct Case {
    FeedbackInput in;
    std::vector<std::string> wrong;  // empty: accepted
  };
  const std::string long_text(kMaxComment + 1, 'a');
  const std::vector<Case> cases{
      {{"f", "a", "", "parent_carer", "The website is great", "", ""}, {}},
      {{"f", "a", kService, "young_person", "Too few clubs", "me@example.org", ""}, {}},
      {{"f", "a", "", "", "Fine", "", ""}, {"from"}},
      {{"f", "a", "", "grandparent", "Fine", "", ""}, {"from"}},
      {{"f", "a", "", "parent_carer", "   ", "", ""}, {"comment"}},
      {{"f", "a", "", "parent_carer", long_text, "", ""}, {"comment"}},
      {{"f", "a", "", "parent_carer", "Fine", std::string(kMaxContact + 1, 'x'), ""}, {"contact"}},
      {{"f", "a", "not-a-service", "other", "", "", ""}, {"comment", "service_id"}},
  };
  for (const auto& c : cases) {
    auto f = new_feedback(c.in, kToday, 7);
    if (c.wrong.empty()) {
      ASSERT_TRUE(f.has_value()) << c.in.comment << ": " << f.error().first_message();
      EXPECT_EQ(f->status, FeedbackStatus::new_);
      EXPECT_EQ(f->received_on, kToday);
      EXPECT_FALSE(f->published());
    } else {
      ASSERT_FALSE(f.has_value()) << c.in.comment;
      EXPECT_EQ(fields(f.error()), c.wrong) << c.in.comment;
    }
  }
}

TEST(Feedback, StatusMovesForwardOnlyAndClosedReopens) {
  using S = FeedbackStatus;
  struct Case {
    S from, to;
    bool allowed;
  };
  const std::vector<Case> cases{
      {S::new_, S::new_, true},       {S::new_, S::triaged, true},      {S::new_, S::closed, true},
      {S::new_, S::responded, false}, {S::triaged, S::responded, true}, {S::triaged, S::closed, true},
      {S::triaged, S::new_, false},   {S::responded, S::closed, true},  {S::responded, S::triaged, false},
      {S::closed, S::triaged, true},  {S::closed, S::responded, false}, {S::closed, S::new_, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(may_move(c.from, c.to), c.allowed) << to_string(c.from) << " -> " << to_string(c.to);
  }
}

Feedback with_status(FeedbackStatus s) {
  Feedback f;
  f.id = "f-1";
  f.comment = "My son's school is QS4 7RW, call me on 07700 900123";
  f.status = s;
  return f;
}

TEST(Feedback, TriageRules) {
  using S = FeedbackStatus;
  struct Case {
    const char* name;
    S current;
    TriageInput in;
    std::vector<std::string> wrong;
  };
  const std::vector<Case> cases{
      {"triage with a category", S::new_, {"triaged", "gap", "ASD", "", "", false}, {}},
      {"category needed past new", S::new_, {"triaged", "", "", "", "", false}, {"category"}},
      {"unknown status", S::new_, {"done", "gap", "", "", "", false}, {"status"}},
      {"no skipping to responded", S::new_, {"responded", "gap", "", "", "We did it", false}, {"status"}},
      {"unknown category and need", S::new_, {"triaged", "rant", "XYZ", "", "", false}, {"category", "need_code"}},
      {"responded needs a response", S::triaged, {"responded", "gap", "", "", " ", false}, {"we_did"}},
      {"publish a response", S::triaged, {"responded", "gap", "", "Too few clubs", "We added two", true}, {}},
      {"publish needs both texts", S::triaged, {"responded", "gap", "", "", "We added two", true}, {"you_said"}},
      {"publish only once answered", S::new_, {"triaged", "gap", "", "Said", "Did", true}, {"publish"}},
      {"no email in a published text",
       S::triaged,
       {"responded", "gap", "", "Write to jo@example.org", "We did", true},
       {"you_said"}},
      {"no phone number in a published text",
       S::triaged,
       {"responded", "gap", "", "Clubs", "Call 0161 496 0000 to book", true},
       {"we_did"}},
      {"no postcode in a published text",
       S::responded,
       {"closed", "gap", "", "Nothing near QS4 7RW", "We added a club", true},
       {"you_said"}},
      {"close without publishing", S::responded, {"closed", "praise", "", "", "Thanks passed on", false}, {}},
  };
  for (const auto& c : cases) {
    auto t = triage(with_status(c.current), c.in, kToday);
    if (c.wrong.empty()) {
      ASSERT_TRUE(t.has_value()) << c.name << ": " << t.error().first_message();
      EXPECT_EQ(to_string(t->status), c.in.status) << c.name;
      EXPECT_EQ(t->published(), c.in.publish) << c.name;
      if (c.in.publish) {
        EXPECT_EQ(*t->published_on, kToday) << c.name;
      }
    } else {
      ASSERT_FALSE(t.has_value()) << c.name;
      EXPECT_EQ(fields(t.error()), c.wrong) << c.name;
    }
  }
}

TEST(Feedback, PublishingKeepsTheFirstDayAndUnpublishingClearsIt) {
  Feedback f = with_status(FeedbackStatus::responded);
  f.published_on = make_date(2026, 1, 5);
  auto again = triage(f, {"closed", "gap", "", "Clubs", "Added two", true}, kToday);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again->published_on, make_date(2026, 1, 5));
  auto off = triage(f, {"responded", "gap", "", "Clubs", "Added two", false}, kToday);
  ASSERT_TRUE(off.has_value());
  EXPECT_FALSE(off->published());
}

TEST(Feedback, LooksPersonal) {
  struct Case {
    const char* text;
    bool personal;
  };
  const std::vector<Case> cases{
      {"There are too few clubs", false},
      {"Email sam@example.org", true},
      {"Call 07700 900123", true},
      {"Call +44 (0)161 496-0000", true},
      {"We live at M1 1AE", true},
      {"The QS4 area needs more", false},
      {"Open 9 to 5, 3 days a week, 12 places", false},
      {"Year 2026 was busy: 20 new services", false},
      {"@ the centre", false},
  };
  for (const auto& c : cases) EXPECT_EQ(looks_personal(c.text), c.personal) << c.text;
}

TEST(Feedback, HalfYears) {
  struct Case {
    Date day;
    const char* id;
    Date first, last;
    const char* label;
  };
  const std::vector<Case> cases{
      {make_date(2026, 1, 1), "2026-H1", make_date(2026, 1, 1), make_date(2026, 6, 30), "January to June 2026"},
      {make_date(2026, 6, 30), "2026-H1", make_date(2026, 1, 1), make_date(2026, 6, 30), "January to June 2026"},
      {make_date(2026, 7, 1), "2026-H2", make_date(2026, 7, 1), make_date(2026, 12, 31), "July to December 2026"},
      {make_date(2025, 12, 31), "2025-H2", make_date(2025, 7, 1), make_date(2025, 12, 31), "July to December 2025"},
  };
  for (const auto& c : cases) {
    const auto h = half_year_of(c.day);
    EXPECT_EQ(to_string(h), c.id);
    EXPECT_EQ(first_day(h), c.first);
    EXPECT_EQ(last_day(h), c.last);
    EXPECT_EQ(half_year_label(h), c.label);
    EXPECT_EQ(*parse_half_year("period", c.id), h);
  }
  EXPECT_EQ(to_string(previous({2026, 1})), "2025-H2");
  EXPECT_EQ(to_string(previous({2026, 2})), "2026-H1");
  for (const char* bad : {"", "2026", "2026-H3", "2026-h1", "26-H1", "2026-H1x", "abcd-H1"}) {
    auto p = parse_half_year("period", bad);
    ASSERT_FALSE(p.has_value()) << bad;
    EXPECT_EQ(p.error().first_field(), "period");
  }
}

TEST(Feedback, ReportCountsTheHalfYearByServiceAndNeed) {
  auto item = [](const char* on, const std::string& service, const char* need, FeedbackStatus s,
                 std::optional<FeedbackCategory> c, bool published, const char* we_did) {
    Feedback f;
    f.received_on = *parse_date("on", on);
    f.service_id = service;
    f.need_code = need;
    f.status = s;
    f.category = c;
    f.we_did = we_did;
    if (published) f.published_on = f.received_on;
    return f;
  };
  using S = FeedbackStatus;
  using C = FeedbackCategory;
  const std::vector<Feedback> all{
      item("2026-01-01", kService, "ASD", S::new_, std::nullopt, false, ""),
      item("2026-03-10", kService, "ASD", S::responded, C::gap, true, "Added"),
      item("2026-06-30", "", "", S::closed, C::information, false, "Fixed"),
      item("2026-06-30", "", "SEMH", S::closed, C::praise, false, ""),
      item("2026-02-02", kService, "SEMH", S::triaged, C::quality, false, ""),
      item("2025-12-31", kService, "ASD", S::responded, C::gap, true, "Before"),
      item("2026-07-01", kService, "ASD", S::responded, C::gap, true, "After"),
  };
  const auto r = feedback_report(all, {2026, 1});
  EXPECT_EQ(r.total.received, 5);
  EXPECT_EQ(r.total.open, 2);
  EXPECT_EQ(r.total.responded, 2);  // responded, and closed after a response
  EXPECT_EQ(r.total.published, 1);
  EXPECT_EQ(r.total.by_category[3], 1);  // gap
  ASSERT_EQ(r.by_service.size(), 2u);
  EXPECT_EQ(r.by_service[0].key, kService);
  EXPECT_EQ(r.by_service[0].received, 3);
  EXPECT_EQ(r.by_service[1].key, "");
  EXPECT_EQ(r.by_service[1].received, 2);
  ASSERT_EQ(r.by_need.size(), 3u);
  EXPECT_EQ(r.by_need[0].key, "ASD");
  EXPECT_EQ(r.by_need[0].received, 2);
}

}  // namespace
}  // namespace tandem
