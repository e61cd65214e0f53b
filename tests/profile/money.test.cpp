#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace tandem {
namespace {

TEST(Pence, AddsSubtractsAndMultipliesByACount) {
  const Pence place = Pence::from_pounds(10'000);
  EXPECT_EQ(place * 12, Pence::from_pounds(120'000));
  EXPECT_EQ(3 * Pence(5), Pence(15));
  EXPECT_EQ(place - Pence::from_pounds(6'000), Pence::from_pounds(4'000));
  Pence total;
  total += Pence(250);
  total -= Pence(100);
  EXPECT_EQ(total, Pence(150));
  EXPECT_LT(Pence(1), Pence(2));
  EXPECT_EQ(-Pence(5), Pence(-5));
}

struct FormatCase {
  std::int64_t pence;
  const char* expected;
};

TEST(FormatPounds, GroupsThousandsAndAlwaysShowsPence) {
  const FormatCase cases[] = {
      {0, "£0.00"},
      {5, "£0.05"},
      {600000, "£6,000.00"},
      {1000000, "£10,000.00"},
      {123456789, "£1,234,567.89"},
      {99999, "£999.99"},
      {-1250, "-£12.50"},
      {std::numeric_limits<std::int64_t>::min(), "-£92,233,720,368,547,758.08"},
  };
  for (const auto& c : cases) EXPECT_EQ(format_pounds(Pence(c.pence)), c.expected) << c.pence;
}

struct ParseCase {
  const char* text;
  std::int64_t pence;  // -1: refused
  const char* why;
};

TEST(ParsePounds, ReadsAmountsAsPeopleTypeThem) {
  const ParseCase cases[] = {
      {"6000", 600000, "plain pounds"},
      {"£6,000", 600000, "pound sign and thousands separator"},
      {"£10,000.00", 1000000, "with pence"},
      {"6000.5", 600050, "one decimal digit means tens of pence"},
      {"0.05", 5, "five pence"},
      {"1,234,567.89", 123456789, "several groups"},
      {"", -1, "empty"},
      {"£", -1, "sign alone"},
      {"6,00", -1, "a comma that does not group thousands"},
      {"60,00,000", -1, "Indian-style grouping"},
      {",600", -1, "leading comma"},
      {"6000.", -1, "point with no pence"},
      {"6000.123", -1, "fractions of a penny"},
      {"-5", -1, "negative amounts are recorded another way"},
      {"6k", -1, "shorthand"},
      {"1e3", -1, "scientific notation"},
      {"99999999999999999999", -1, "too large to hold"},
  };
  for (const auto& c : cases) {
    const auto got = parse_pounds("cost", c.text);
    if (c.pence < 0) {
      EXPECT_FALSE(got) << c.text << ": " << c.why;
      if (!got) {
        EXPECT_EQ(got.error().first_field(), "cost");
      }
    } else {
      ASSERT_TRUE(got) << c.text << ": " << c.why;
      EXPECT_EQ(*got, Pence(c.pence)) << c.text << ": " << c.why;
    }
  }
}

}  // namespace
}  // namespace tandem
