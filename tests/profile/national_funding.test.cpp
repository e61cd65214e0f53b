#include "profile/national_funding.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

TEST(NationalFunding, ShippedRatesFor2024To2025) {
  const auto rates = high_needs_rates_for(shipped_national_funding(), 2024);
  ASSERT_TRUE(rates) << rates.error().first_message();
  EXPECT_EQ(rates->notional_sen_threshold, Pence::from_pounds(6'000));
  EXPECT_EQ(rates->special_school_place, Pence::from_pounds(10'000));
  EXPECT_EQ(rates->mainstream_unit_place, Pence::from_pounds(6'000));
  EXPECT_EQ(rates->fe_high_needs_place, Pence::from_pounds(6'000));
  EXPECT_NE(rates->source.find("2024 to 2025 operational guide"), std::string::npos);
}

TEST(NationalFunding, FinancialYearsRunAprilToMarch) {
  EXPECT_EQ(financial_year_of(make_date(2024, 4, 1)), 2024);
  EXPECT_EQ(financial_year_of(make_date(2025, 3, 31)), 2024);
  EXPECT_EQ(financial_year_of(make_date(2024, 3, 31)), 2023);
  EXPECT_EQ(format_financial_year(2024), "2024-25");
  EXPECT_EQ(format_financial_year(2099), "2099-00");
  EXPECT_TRUE(high_needs_rates_on(shipped_national_funding(), make_date(2025, 3, 31)));
}

TEST(NationalFunding, AYearWithNoEntryIsAnErrorNotAGuess) {
  const auto rates = high_needs_rates_on(shipped_national_funding(), make_date(2025, 4, 1));
  ASSERT_FALSE(rates);
  EXPECT_EQ(rates.error().first_field(), "financial_year");
  EXPECT_NE(rates.error().first_message().find("no national high-needs funding rates for 2025-26"), std::string::npos);
}

constexpr const char* kGoodYear = R"(
[[year]]
financial_year = "2024-25"
source = "DfE guide"
notional_sen_threshold = "£6,000"
special_school_place = "£10,000"
mainstream_unit_place = "£6,000"
fe_high_needs_place = "£6,000"
)";

TEST(NationalFunding, ParsesAndSortsYears) {
  const std::string text = std::string(kGoodYear) +
                           "[[year]]\nfinancial_year = \"2023-24\"\nsource = \"x\"\nnotional_sen_threshold = "
                           "\"6000\"\nspecial_school_place = \"10000\"\nmainstream_unit_place = \"6000\"\n"
                           "fe_high_needs_place = \"6000.00\"\n";
  const auto funding = parse_national_funding(text, "funding.toml");
  ASSERT_TRUE(funding) << funding.error().first_message();
  ASSERT_EQ(funding->years.size(), 2u);
  EXPECT_EQ(funding->years[0].financial_year, 2023);
}

struct BadFunding {
  const char* from;
  const char* to;
  const char* expected;
};

TEST(NationalFunding, ErrorsNameFileLineAndKey) {
  const BadFunding cases[] = {
      {"financial_year = \"2024-25\"", "financial_year = \"2024-26\"",
       "funding.toml line 3: year[0].financial_year = \"2024-26\" is not a financial year; write it like "
       "\"2024-25\""},
      {"special_school_place = \"£10,000\"", "special_school_place = \"£10k\"",
       "funding.toml line 6: year[0].special_school_place = \"£10k\" is not an amount of money; write pounds like "
       "\"£6,000\" or \"6000.00\""},
      {"special_school_place = \"£10,000\"", "special_school_place = 10000",
       "funding.toml line 6: year[0].special_school_place must be text in double quotes, like "
       "special_school_place = \"£10,000\"; found a number (10000)"},
      {"source = \"DfE guide\"\n", "",
       "funding.toml line 2: year[0].source is missing; add a line like source = \"DfE, High needs funding: 2024 "
       "to 2025 operational guide\""},
      {"fe_high_needs_place = \"£6,000\"\n",
       "fe_high_needs_place = \"£6,000\"\nalternative_provision_place = \"£10,000\"\n",
       "funding.toml line 9: year[0].alternative_provision_place is not a known key; allowed in year[0]: "
       "financial_year, source, notional_sen_threshold, special_school_place, mainstream_unit_place, "
       "fe_high_needs_place"},
  };
  for (const auto& c : cases) {
    std::string text = kGoodYear;
    text.replace(text.find(c.from), std::string(c.from).size(), c.to);
    const auto funding = parse_national_funding(text, "funding.toml");
    ASSERT_FALSE(funding) << c.expected;
    EXPECT_EQ(funding.error().first_message(), c.expected);
  }
}

}  // namespace
}  // namespace tandem
