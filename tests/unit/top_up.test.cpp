// Termly top-up payments as tables of cases: which term a day falls in and
// where each term begins and ends, a child's annual top-up pro rata to the
// days placed in the term, and what each setting is due against what it was
// paid.
#include "core/top_up.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

using std::chrono::month_day;

// The national pattern as data/calendar/funding_terms.toml ships it
// (tests/profile checks the file says this).
const TermCalendar kNational{{{
                                 {TermName::autumn, month_day{std::chrono::September, std::chrono::day{1}},
                                  month_day{std::chrono::December, std::chrono::day{31}}},
                                 {TermName::spring, month_day{std::chrono::January, std::chrono::day{1}},
                                  month_day{std::chrono::March, std::chrono::day{31}}},
                                 {TermName::summer, month_day{std::chrono::April, std::chrono::day{1}},
                                  month_day{std::chrono::August, std::chrono::day{31}}},
                             }},
                             {}};

// An area paying on its own term dates for 2025-26, holidays left out.
TermCalendar own_terms() {
  TermCalendar cal = kNational;
  cal.dated = {{TermName::autumn, 2025, make_date(2025, 9, 3), make_date(2025, 12, 19)},
               {TermName::spring, 2026, make_date(2026, 1, 5), make_date(2026, 3, 27)},
               {TermName::summer, 2026, make_date(2026, 4, 13), make_date(2026, 7, 22)}};
  return cal;
}

TEST(FundingTerm, EveryDayFallsInOneTermAndTheTermsMeet) {
  struct Case {
    Date day;
    const char* id;
    Date start, end;
    int days;
  };
  const Case cases[] = {
      {make_date(2025, 8, 31), "2025-summer", make_date(2025, 4, 1), make_date(2025, 8, 31), 153},
      {make_date(2025, 9, 1), "2025-autumn", make_date(2025, 9, 1), make_date(2025, 12, 31), 122},
      {make_date(2025, 12, 31), "2025-autumn", make_date(2025, 9, 1), make_date(2025, 12, 31), 122},
      {make_date(2026, 1, 1), "2026-spring", make_date(2026, 1, 1), make_date(2026, 3, 31), 90},
      {make_date(2028, 2, 29), "2028-spring", make_date(2028, 1, 1), make_date(2028, 3, 31), 91},
      {make_date(2026, 3, 31), "2026-spring", make_date(2026, 1, 1), make_date(2026, 3, 31), 90},
      {make_date(2026, 4, 1), "2026-summer", make_date(2026, 4, 1), make_date(2026, 8, 31), 153},
  };
  for (const auto& c : cases) {
    const FundingTerm t = funding_term_of(kNational, c.day);
    EXPECT_EQ(t.id(), c.id) << format_date(c.day);
    EXPECT_EQ(t.start, c.start) << format_date(c.day);
    EXPECT_EQ(t.end, c.end) << format_date(c.day);
    EXPECT_EQ(t.days(), c.days) << format_date(c.day);
    EXPECT_EQ(next_term(kNational, t).start, t.end + std::chrono::days(1)) << "no gap after " << t.id();
    EXPECT_EQ(previous_term(kNational, t).end, t.start - std::chrono::days(1)) << "no gap before " << t.id();
    EXPECT_EQ(*parse_funding_term(kNational, t.id()), t);
  }
  // An academic year's three terms are every one of its days.
  const FundingTerm autumn = *parse_funding_term(kNational, "2027-autumn");
  EXPECT_EQ(
      autumn.days() + next_term(kNational, autumn).days() + next_term(kNational, next_term(kNational, autumn)).days(),
      366);
  EXPECT_EQ(academic_year_days(kNational, autumn), 366) << "September 2027 to August 2028 holds 29 February";
  EXPECT_EQ(academic_year_days(kNational, *parse_funding_term(kNational, "2026-summer")), 365);
  EXPECT_EQ(funding_term_of(kNational, make_date(2025, 10, 1)).label(), "Autumn 2025");
}

TEST(FundingTerm, AnAreasOwnTermDatesReplaceThePatternForTheYearsItGives) {
  const TermCalendar cal = own_terms();
  struct Case {
    Date day;
    const char* id;  // the term holding the day; in a holiday, the one that ended last
    Date start, end;
  };
  const Case cases[] = {
      {make_date(2025, 8, 31), "2025-summer", make_date(2025, 4, 1), make_date(2025, 8, 31)},  // 2024-25: the pattern
      {make_date(2025, 9, 2), "2025-summer", make_date(2025, 4, 1), make_date(2025, 8, 31)},   // before term starts
      {make_date(2025, 9, 3), "2025-autumn", make_date(2025, 9, 3), make_date(2025, 12, 19)},
      {make_date(2025, 12, 25), "2025-autumn", make_date(2025, 9, 3), make_date(2025, 12, 19)},  // Christmas holiday
      {make_date(2026, 1, 5), "2026-spring", make_date(2026, 1, 5), make_date(2026, 3, 27)},
      {make_date(2026, 4, 13), "2026-summer", make_date(2026, 4, 13), make_date(2026, 7, 22)},
      {make_date(2026, 8, 31), "2026-summer", make_date(2026, 4, 13), make_date(2026, 7, 22)},  // summer holiday
      {make_date(2026, 9, 1), "2026-autumn", make_date(2026, 9, 1), make_date(2026, 12, 31)},   // 2026-27: the pattern
  };
  for (const auto& c : cases) {
    const FundingTerm t = funding_term_of(cal, c.day);
    EXPECT_EQ(t.id(), c.id) << format_date(c.day);
    EXPECT_EQ(t.start, c.start) << format_date(c.day);
    EXPECT_EQ(t.end, c.end) << format_date(c.day);
    EXPECT_EQ(*parse_funding_term(cal, t.id()), t);
    EXPECT_EQ(previous_term(cal, next_term(cal, t)), t) << t.id();
  }
  // 108 + 82 + 101 days in term: a child placed all year is paid over those.
  EXPECT_EQ(academic_year_days(cal, *parse_funding_term(cal, "2026-spring")), 291);
  const TopUpChild all_year[] = {{"a",
                                  "A",
                                  Pence::from_pounds(2'910),
                                  std::nullopt,
                                  {{"Hillside", SettingType::mainstream, make_date(2020, 1, 1), std::nullopt}}}};
  const FundingTerm autumn = *parse_funding_term(cal, "2025-autumn");
  EXPECT_EQ(top_ups_due(cal, autumn, all_year).at(0).due, Pence::from_pounds(1'080)) << "108 days at £10 a day";
}

TEST(FundingTerm, AMistypedTermIsRefusedNamingWhatIsAllowed) {
  for (const char* text : {"", "2025", "2025-winter", "25-autumn", "2025-Autumn", "abcd-spring", "2025_autumn"}) {
    auto t = parse_funding_term(kNational, text);
    ASSERT_FALSE(t) << text;
    EXPECT_EQ(t.error().first_field(), "term");
    EXPECT_NE(t.error().fields.front().message.find("2025-autumn"), std::string::npos);
  }
}

TEST(ProRata, AnnualTopUpByDaysToTheNearestPenny) {
  struct Case {
    std::int64_t annual, days, year_days, expected;
  };
  const Case cases[] = {
      {365'00, 1, 365, 1'00},            // a pound a day
      {365'00, 122, 365, 122'00},        // a whole autumn term
      {10'000'00, 365, 365, 10'000'00},  // the whole year is the annual sum
      {10'000'00, 0, 365, 0},            // no day placed
      {1'00, 1, 365, 0},                 // 0.27p rounds down
      {2'00, 1, 365, 1},                 // 0.55p rounds up
      {12'345'67, 90, 366, 3'035'82},    // 12,345.67 x 90 / 366 = 3,035.82
  };
  for (const auto& c : cases) {
    EXPECT_EQ(pro_rata(Pence(c.annual), c.days, c.year_days), Pence(c.expected))
        << c.annual << " x " << c.days << " / " << c.year_days;
  }
}

TopUpChild child(const char* id, std::int64_t annual_pounds, std::vector<TopUpPlacement> placements,
                 std::optional<Date> plan_from = std::nullopt) {
  return {id, std::string("Child ") + id, Pence::from_pounds(annual_pounds), plan_from, std::move(placements)};
}

TEST(TopUpsDue, ProRataToTheDaysPlacedWithAFinalPlanInTheTerm) {
  const FundingTerm autumn = *parse_funding_term(kNational, "2025-autumn");  // 122 days of a 365-day year
  const Date before = make_date(2024, 9, 1);
  struct Case {
    const char* name;
    TopUpChild child;
    std::vector<std::pair<std::string, int>> days;  // setting, days
  };
  const Case cases[] = {
      {"the whole term",
       child("a", 3'650, {{"Hillside", SettingType::mainstream, before, std::nullopt}}),
       {{"Hillside", 122}}},
      {"placed from the term's tenth day",
       child("b", 3'650, {{"Hillside", SettingType::mainstream, make_date(2025, 9, 10), std::nullopt}}),
       {{"Hillside", 113}}},
      {"left on the term's last day",
       child("c", 3'650, {{"Hillside", SettingType::mainstream, before, make_date(2025, 12, 31)}}),
       {{"Hillside", 122}}},
      {"left the day before the term",
       child("d", 3'650, {{"Hillside", SettingType::mainstream, before, make_date(2025, 8, 31)}}),
       {}},
      {"placed the day after the term",
       child("e", 3'650, {{"Hillside", SettingType::mainstream, make_date(2026, 1, 1), std::nullopt}}),
       {}},
      {"moved settings in October",
       child("f", 3'650,
             {{"Hillside", SettingType::mainstream, before, make_date(2025, 10, 15)},
              {"Brook Special School", SettingType::special, make_date(2025, 10, 16), std::nullopt}}),
       {{"Brook Special School", 77}, {"Hillside", 45}}},
      {"plan made final on 1 November",
       child("g", 3'650, {{"Hillside", SettingType::mainstream, before, std::nullopt}}, make_date(2025, 11, 1)),
       {{"Hillside", 61}}},
      {"plan made final after the term",
       child("h", 3'650, {{"Hillside", SettingType::mainstream, before, std::nullopt}}, make_date(2026, 1, 5)),
       {}},
      {"no top-up in the plan", child("i", 0, {{"Hillside", SettingType::mainstream, before, std::nullopt}}), {}},
      {"educated at home: no setting to pay",
       child("j", 3'650, {{"Home", SettingType::educated_elsewhere, before, std::nullopt}}),
       {}},
  };
  for (const auto& c : cases) {
    const TopUpChild one[] = {c.child};
    const auto due = top_ups_due(kNational, autumn, one);
    ASSERT_EQ(due.size(), c.days.size()) << c.name;
    for (std::size_t i = 0; i < due.size(); ++i) {
      EXPECT_EQ(due[i].setting_name, c.days[i].first) << c.name;
      EXPECT_EQ(due[i].days, c.days[i].second) << c.name;
      // £3,650 a year is £10 a day in a 365-day year.
      EXPECT_EQ(due[i].due, Pence::from_pounds(10 * c.days[i].second)) << c.name;
      EXPECT_EQ(due[i].child_id, c.child.child_id);
    }
  }
}

TEST(TopUpsDue, AChildPlacedAllYearIsPaidTheAnnualTopUpOverTheThreeTerms) {
  const TopUpChild all_year[] = {
      child("a", 12'345, {{"Hillside", SettingType::mainstream, make_date(2020, 1, 1), std::nullopt}})};
  for (const char* autumn_id : {"2025-autumn", "2027-autumn"}) {
    const FundingTerm autumn = *parse_funding_term(kNational, autumn_id);
    Pence total;
    for (const FundingTerm& t :
         {autumn, next_term(kNational, autumn), next_term(kNational, next_term(kNational, autumn))}) {
      total += top_ups_due(kNational, t, all_year).at(0).due;
    }
    EXPECT_LE(std::abs(total.value - Pence::from_pounds(12'345).value), 1) << autumn_id << ": rounding only";
  }
}

TEST(SettleTopUps, DueAgainstPaidBySetting) {
  const TopUpDue due[] = {
      {"Brook Special School", "a", "A", Pence::from_pounds(3'650), 122, Pence::from_pounds(1'220)},
      {"Hillside", "b", "B", Pence::from_pounds(3'650), 122, Pence::from_pounds(1'220)},
      {"Hillside", "c", "C", Pence::from_pounds(3'650), 61, Pence::from_pounds(610)},
      {"Meadow Primary", "d", "D", Pence::from_pounds(3'650), 122, Pence::from_pounds(1'220)},
  };
  const auto paid = [](const char* setting, std::int64_t pounds) {
    return TopUpPayment{"p", "area", "2025-autumn", setting, Pence::from_pounds(pounds), make_date(2025, 10, 1),
                        "R", 1};
  };
  const TopUpPayment payments[] = {paid("Hillside", 1'000), paid("Hillside", 830), paid("Meadow Primary", 1'000),
                                   paid("Oak College", 500)};
  const auto rows = settle_top_ups(due, payments);
  struct Case {
    const char* setting;
    std::int64_t due, paid, outstanding;
    TopUpStatus status;
  };
  const Case cases[] = {
      {"Brook Special School", 1'220, 0, 1'220, TopUpStatus::unpaid},
      {"Hillside", 1'830, 1'830, 0, TopUpStatus::paid},
      {"Meadow Primary", 1'220, 1'000, 220, TopUpStatus::part_paid},
      {"Oak College", 0, 500, -500, TopUpStatus::overpaid},  // paid, though no child is due there
  };
  ASSERT_EQ(rows.size(), std::size(cases));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].setting_name, cases[i].setting);
    EXPECT_EQ(rows[i].due, Pence::from_pounds(cases[i].due)) << cases[i].setting;
    EXPECT_EQ(rows[i].paid, Pence::from_pounds(cases[i].paid)) << cases[i].setting;
    EXPECT_EQ(rows[i].outstanding, Pence::from_pounds(cases[i].outstanding)) << cases[i].setting;
    EXPECT_EQ(rows[i].status, cases[i].status) << cases[i].setting;
  }
  EXPECT_EQ(rows[1].children.size(), 2u);
  EXPECT_EQ(rows[1].payments.size(), 2u);
}

TEST(MakeTopUpPayment, EveryWrongFieldIsNamed) {
  const Date today = make_date(2025, 11, 1);
  const TopUpPaymentInput good{"p", "area", "2025-autumn", "Hillside", Pence(100), make_date(2025, 10, 1), "BACS-1"};
  EXPECT_TRUE(make_top_up_payment(kNational, good, today));
  TopUpPaymentInput bad{"p", "area", "autumn", " ", Pence(0), make_date(2025, 11, 2), ""};
  auto r = make_top_up_payment(kNational, bad, today);
  ASSERT_FALSE(r);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"term", "setting_name", "amount", "paid_on", "reference"}));
}

}  // namespace
}  // namespace tandem
