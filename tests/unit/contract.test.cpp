// Contracts and their monitoring, as tables of cases: the procurement cycle's
// allowed moves, what a stage change needs, contract checks, the "ending
// soon" alert, red-amber-green ratings, financial quarters and spend against
// value.
#include "core/contract.h"

#include <gtest/gtest.h>

#include "core/contract_monitoring.h"

namespace tandem {
namespace {

using S = ProcurementStage;
const Date kToday = make_date(2026, 1, 15);

Contract sample() {
  ContractInput in;
  in.id = "ct-1";
  in.area_id = "area";
  in.provider_id = "pv-1";
  in.title = "Community speech and language therapy";
  in.type = ContractType::block;
  in.stage = S::live;
  in.commissioners = {{Agency::icb, 7'000}, {Agency::council_education, 3'000}};
  in.value = Pence::from_pounds(1'200'000);
  in.start_on = make_date(2024, 4, 1);
  in.end_on = make_date(2027, 3, 31);
  return *make_contract(in);
}

TEST(ProcurementCycle, OnlyTheCyclesMovesAreAllowed) {
  struct Case {
    S from, to;
    bool allowed;
  };
  const Case cases[] = {
      {S::need, S::options, true},   {S::need, S::tender, false},   {S::need, S::live, false},
      {S::options, S::tender, true}, {S::options, S::award, true},  {S::options, S::end, true},
      {S::tender, S::award, true},   {S::tender, S::options, true}, {S::tender, S::live, false},
      {S::award, S::mobilise, true}, {S::award, S::live, false},    {S::mobilise, S::live, true},
      {S::mobilise, S::end, false},  {S::live, S::review, true},    {S::live, S::extend, false},
      {S::live, S::end, true},       {S::review, S::live, true},    {S::review, S::extend, true},
      {S::review, S::end, true},     {S::extend, S::live, true},    {S::extend, S::end, false},
      {S::end, S::need, false},      {S::end, S::live, false},      {S::live, S::live, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(may_move(c.from, c.to), c.allowed) << to_string(c.from) << " -> " << to_string(c.to);
  }
  int allowed = 0;
  for (const auto a : all_procurement_stages()) allowed += static_cast<int>(next_stages(a).size());
  EXPECT_EQ(allowed, 16) << "every allowed move is in the table above or counted here";
  EXPECT_TRUE(next_stages(S::end).empty());
}

TEST(ProcurementCycle, AStageChangeSaysWhatIsWrong) {
  struct Case {
    S from, to;
    Date on;
    std::optional<Date> new_end;
    std::string field;  // empty: accepted
  };
  const Case cases[] = {
      {S::live, S::review, kToday, std::nullopt, ""},
      {S::live, S::extend, kToday, make_date(2028, 3, 31), "stage"},
      {S::review, S::extend, kToday, std::nullopt, "end_on"},
      {S::review, S::extend, kToday, make_date(2027, 3, 31), "end_on"},
      {S::review, S::extend, kToday, make_date(2028, 3, 31), ""},
      {S::live, S::review, kToday + std::chrono::days{1}, std::nullopt, "on"},
      {S::live, S::end, kToday, make_date(2024, 1, 1), "end_on"},
      {S::end, S::live, kToday, std::nullopt, "stage"},
  };
  for (const auto& c : cases) {
    Contract k = sample();
    k.stage = c.from;
    auto out = move_stage(k, c.to, c.on, c.new_end, kToday);
    if (c.field.empty()) {
      ASSERT_TRUE(out) << to_string(c.from) << " -> " << to_string(c.to) << ": " << out.error().first_message();
      EXPECT_EQ(out->stage, c.to);
      if (c.new_end) {
        EXPECT_EQ(out->end_on, *c.new_end);
      }
    } else {
      ASSERT_FALSE(out) << to_string(c.from) << " -> " << to_string(c.to);
      EXPECT_EQ(out.error().first_field(), c.field) << out.error().first_message();
    }
  }
  auto refused = move_stage(sample(), S::mobilise, kToday, std::nullopt, kToday);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().first_message(), "A contract at live can move only to review or end");
}

TEST(Contracts, EveryWrongFieldIsNamed) {
  struct Case {
    std::string name;
    void (*change)(ContractInput&);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"fine", [](ContractInput&) {}, {}},
      {"no title or provider",
       [](ContractInput& in) { in.title = " ", in.provider_id = ""; },
       {"title", "provider_id"}},
      {"no type", [](ContractInput& in) { in.type.reset(); }, {"type"}},
      {"no commissioners", [](ContractInput& in) { in.commissioners.clear(); }, {"commissioners"}},
      {"shares to 90%",
       [](ContractInput& in) {
         in.commissioners = {{Agency::icb, 9'000}};
       },
       {"commissioners"}},
      {"a provider's share",
       [](ContractInput& in) {
         in.commissioners = {{Agency::icb, 5'000}, {Agency::provider, 5'000}};
       },
       {"commissioners"}},
      {"nothing for it", [](ContractInput& in) { in.value = Pence(0); }, {"value"}},
      {"ends before it starts", [](ContractInput& in) { in.end_on = make_date(2024, 3, 1); }, {"end_on"}},
      {"no dates", [](ContractInput& in) { in.start_on.reset(), in.end_on.reset(); }, {"start_on", "end_on"}},
      {"a service twice",
       [](ContractInput& in) {
         in.service_ids = {"s-1", "s-1"};
       },
       {"service_ids"}},
  };
  for (const auto& c : cases) {
    ContractInput in;
    in.provider_id = "pv-1";
    in.title = "Short breaks";
    in.type = ContractType::framework_call_off;
    in.commissioners = {{Agency::council_social_care, 10'000}};
    in.value = Pence::from_pounds(50'000);
    in.start_on = make_date(2025, 4, 1);
    in.end_on = make_date(2026, 3, 31);
    c.change(in);
    auto out = make_contract(in);
    std::vector<std::string> fields;
    if (!out) {
      for (const auto& f : out.error().fields) fields.push_back(f.field);
    }
    EXPECT_EQ(fields, c.fields) << c.name;
  }
}

TEST(Contracts, EndingSoonOnlyWhileDelivering) {
  struct Case {
    S stage;
    Date end;
    ContractAlert alert;
  };
  const Case cases[] = {
      {S::live, make_date(2027, 3, 31), ContractAlert::none},
      {S::live, make_date(2026, 7, 14), ContractAlert::ending_soon},  // 180 days
      {S::live, make_date(2026, 7, 15), ContractAlert::none},         // 181 days
      {S::review, make_date(2026, 1, 15), ContractAlert::ending_soon},
      {S::extend, make_date(2026, 1, 14), ContractAlert::overrun},
      {S::tender, make_date(2026, 1, 14), ContractAlert::none},
      {S::end, make_date(2026, 1, 14), ContractAlert::none},
  };
  for (const auto& c : cases) {
    Contract k = sample();
    k.stage = c.stage;
    k.end_on = c.end;
    EXPECT_EQ(contract_alert(k, kToday), c.alert) << to_string(c.stage) << " ending " << format_date(c.end);
  }
}

TEST(Contracts, ValueSplitsByShareToThePenny) {
  Contract k = sample();
  k.value = Pence(100);
  k.commissioners = {{Agency::icb, 3'334}, {Agency::council_education, 3'333}, {Agency::council_social_care, 3'333}};
  const auto parts = value_by_agency(k);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].second + parts[1].second + parts[2].second, Pence(100));
  EXPECT_EQ(parts[0].second, Pence(34));
}

Kpi kpi(Direction d, std::int64_t target, std::int64_t amber) { return Kpi{"k", "ct-1", "x", "%", d, target, amber}; }

TEST(Monitoring, RagAgainstTargetAndAmberThreshold) {
  struct Case {
    Direction d;
    std::int64_t target, amber;
    std::optional<std::int64_t> actual;
    Rag rag;
  };
  const auto hi = Direction::higher_is_better, lo = Direction::lower_is_better;
  const Case cases[] = {
      {hi, 9'200, 8'500, 9'500, Rag::green}, {hi, 9'200, 8'500, 9'200, Rag::green},
      {hi, 9'200, 8'500, 9'199, Rag::amber}, {hi, 9'200, 8'500, 8'500, Rag::amber},
      {hi, 9'200, 8'500, 8'499, Rag::red},   {hi, 9'200, 8'500, std::nullopt, Rag::not_reported},
      {lo, 1'800, 2'600, 1'200, Rag::green}, {lo, 1'800, 2'600, 1'800, Rag::green},
      {lo, 1'800, 2'600, 2'600, Rag::amber}, {lo, 1'800, 2'600, 2'601, Rag::red},
      {hi, 9'200, 9'200, 9'100, Rag::red},  // no amber band
  };
  for (const auto& c : cases) {
    EXPECT_EQ(rate(kpi(c.d, c.target, c.amber), c.actual), c.rag)
        << to_string(c.d) << " target " << c.target << " amber " << c.amber << " actual " << c.actual.value_or(-1);
  }
}

TEST(Monitoring, OverallIsTheWorstWithMissingFiguresAmber) {
  using R = Rag;
  struct Case {
    std::vector<Rag> in;
    Rag out;
  };
  const Case cases[] = {
      {{}, R::not_reported},
      {{R::green, R::green}, R::green},
      {{R::green, R::amber}, R::amber},
      {{R::green, R::not_reported}, R::amber},
      {{R::amber, R::red, R::green}, R::red},
      {{R::not_reported}, R::amber},
  };
  for (const auto& c : cases) EXPECT_EQ(overall(c.in), c.out) << c.in.size();
}

TEST(Monitoring, IndicatorsNeedAnAmberNoBetterThanTheTarget) {
  struct Case {
    Direction d;
    std::int64_t target, amber;
    bool ok;
  };
  const Case cases[] = {
      {Direction::higher_is_better, 9'000, 8'000, true}, {Direction::higher_is_better, 9'000, 9'500, false},
      {Direction::lower_is_better, 1'800, 2'600, true},  {Direction::lower_is_better, 1'800, 1'000, false},
      {Direction::lower_is_better, 1'800, 1'800, true},
  };
  for (const auto& c : cases) {
    KpiInput in{"k", "ct", "Seen within 18 weeks", "%", c.d, c.target, c.amber};
    auto out = make_kpi(in);
    EXPECT_EQ(out.has_value(), c.ok) << c.target << " " << c.amber;
    if (!out) {
      EXPECT_EQ(out.error().first_field(), "amber");
    }
  }
  auto empty = make_kpi({});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().fields.size(), 5u) << "name, unit, direction, target and amber";
}

TEST(Monitoring, MeasuresAreHundredths) {
  struct Case {
    std::string text;
    std::optional<std::int64_t> value;
  };
  const Case cases[] = {{"92", 9'200}, {"92.5", 9'250}, {"18.25", 1'825}, {" 0 ", 0}, {"0.05", 5}, {"92.555", {}},
                        {"-1", {}},    {"", {}},        {"1e3", {}},      {".", {}},  {"12.", {}}, {"abc", {}}};
  for (const auto& c : cases) {
    auto out = parse_measure("target", c.text);
    EXPECT_EQ(out ? std::optional<std::int64_t>(*out) : std::nullopt, c.value) << "'" << c.text << "'";
  }
  EXPECT_EQ(format_measure(9'250), "92.5");
  EXPECT_EQ(format_measure(1'800), "18");
  EXPECT_EQ(format_measure(1'805), "18.05");
}

TEST(Monitoring, FinancialQuarters) {
  struct Case {
    std::string text;
    Date start, end;
    std::string label;
  };
  const Case cases[] = {
      {"2025-26-Q1", make_date(2025, 4, 1), make_date(2025, 6, 30), "April to June 2025"},
      {"2025-26-Q2", make_date(2025, 7, 1), make_date(2025, 9, 30), "July to September 2025"},
      {"2025-26-Q3", make_date(2025, 10, 1), make_date(2025, 12, 31), "October to December 2025"},
      {"2025-26-Q4", make_date(2026, 1, 1), make_date(2026, 3, 31), "January to March 2026"},
      {"2099-00-Q4", make_date(2100, 1, 1), make_date(2100, 3, 31), "January to March 2100"},
  };
  for (const auto& c : cases) {
    auto q = parse_quarter("quarter", c.text);
    ASSERT_TRUE(q) << c.text;
    EXPECT_EQ(quarter_start(*q), c.start) << c.text;
    EXPECT_EQ(quarter_end(*q), c.end) << c.text;
    EXPECT_EQ(quarter_label(*q), c.label);
    EXPECT_EQ(format_quarter(*q), c.text);
    EXPECT_EQ(quarter_of(c.start), *q);
    EXPECT_EQ(quarter_of(c.end), *q);
  }
  for (const char* bad : {"2025-27-Q1", "2025-26-Q5", "2025Q1", "25-26-Q1", "2025-26-Q0"}) {
    EXPECT_FALSE(parse_quarter("quarter", bad)) << bad;
  }
  EXPECT_EQ(return_due({2025, 1}), make_date(2025, 7, 30));
  EXPECT_EQ(previous_quarter({2025, 1}), (Quarter{2024, 4}));
}

TEST(Monitoring, SpendAgainstValueAssumesEvenSpending) {
  // £365,000 over 365 days: £1,000 a day.
  Contract k = sample();
  k.value = Pence::from_pounds(365'000);
  k.start_on = make_date(2025, 4, 1);
  k.end_on = make_date(2026, 3, 31);
  struct Case {
    Date as_of;
    std::int64_t spent_pounds;
    std::int64_t expected_pounds;
    Rag rag;
  };
  const Case cases[] = {
      {make_date(2025, 6, 30), 91'000, 91'000, Rag::green},   // 91 days
      {make_date(2025, 6, 30), 100'100, 91'000, Rag::green},  // 10% over
      {make_date(2025, 6, 30), 100'200, 91'000, Rag::amber},
      {make_date(2025, 6, 30), 68'250, 91'000, Rag::amber},  // 25% under
      {make_date(2025, 6, 30), 68'000, 91'000, Rag::red},
      {make_date(2027, 1, 1), 365'000, 365'000, Rag::green},  // after the end: the whole value
      {make_date(2027, 1, 1), 365'001, 365'000, Rag::red},    // over the whole value
      {make_date(2025, 3, 1), 0, 0, Rag::green},              // before it starts
  };
  for (const auto& c : cases) {
    const auto s = spend_against_value(k, Pence::from_pounds(c.spent_pounds), c.as_of);
    EXPECT_EQ(s.expected, Pence::from_pounds(c.expected_pounds)) << format_date(c.as_of);
    EXPECT_EQ(s.rating, c.rag) << format_date(c.as_of) << " spent " << c.spent_pounds;
  }
}

TEST(Monitoring, AReturnNeedsAFigureOrAReasonForEachIndicator) {
  const Contract k = sample();
  const std::vector<Kpi> kpis{{"k1", k.id, "Seen within 18 weeks", "%", Direction::higher_is_better, 9'200, 8'500},
                              {"k2", k.id, "Wait for assessment", "weeks", Direction::lower_is_better, 1'800, 2'600}};
  QuarterlyReturn r;
  r.quarter = {2025, 2};
  r.actuals = {{"k2", 2'000, ""}, {"k1", std::nullopt, ""}};
  auto out = check_return(k, kpis, r, kToday);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().first_field(), "actual.k1");
  r.actuals[1].note = "Data system migration; figure follows next quarter";
  out = check_return(k, kpis, r, kToday);
  ASSERT_TRUE(out) << out.error().first_message();
  EXPECT_EQ(out->actuals[0].kpi_id, "k1") << "kept in the contract's order";

  r.quarter = {2025, 4};  // January to March 2026: not over on 15 January
  out = check_return(k, kpis, r, kToday);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().first_field(), "quarter");
  r.quarter = {2023, 4};  // before the contract
  out = check_return(k, kpis, r, kToday);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().first_field(), "quarter");
}

}  // namespace
}  // namespace tandem
