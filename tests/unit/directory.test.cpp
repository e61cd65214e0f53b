#include "core/directory.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

TEST(Directory, DayCodesAndNames) {
  const std::pair<const char*, const char*> cases[] = {{"MO", "MO"},    {"mo", "MO"},       {"Monday", "MO"},
                                                       {"sun", "SU"},   {"SATURDAY", "SA"}, {"", ""},
                                                       {"Mondays", ""}, {"M", ""},          {"XX", ""}};
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(parse_day_code(in).value_or(""), want) << in;
  }
}

TEST(Directory, TimesOfDay) {
  EXPECT_EQ(parse_time_of_day("09:30"), 570);
  EXPECT_EQ(parse_time_of_day("23:59:59"), 1439);
  EXPECT_EQ(parse_time_of_day("24:00"), std::nullopt);
  EXPECT_EQ(parse_time_of_day("9:30"), std::nullopt);
  EXPECT_EQ(parse_time_of_day("09-30"), std::nullopt);
}

TEST(Directory, PostcodeDistricts) {
  const std::pair<const char*, const char*> cases[] = {{"QS4 7RW", "QS4"},   {"qs47rw", "QS4"}, {"QS14", "QS14"},
                                                       {"SW1A 1AA", "SW1A"}, {"M1 1AE", "M1"},  {"", ""},
                                                       {"12345", ""},        {"QS4 7R!", ""},   {"ABC", ""}};
  for (const auto& [in, want] : cases) EXPECT_EQ(postcode_district(in), want) << in;
}

TEST(Directory, DistanceBetweenPoints) {
  // One thousandth of a degree of latitude is about 111 metres anywhere.
  EXPECT_NEAR(distance_metres({53400000, -2150000}, {53401000, -2150000}), 111.2, 0.5);
  EXPECT_EQ(distance_metres({53400000, -2150000}, {53400000, -2150000}), 0.0);
}

TEST(Directory, ServiceChecksNameEachWrongField) {
  Service s;
  s.id = "not-a-uuid";
  s.url = "example.org";
  s.email = "nobody";
  s.status = "open";
  s.minimum_age = 12;
  s.maximum_age = 5;
  s.last_checked_on = make_date(2026, 2, 1);
  s.review_due_on = make_date(2026, 1, 1);
  s.schedules = {{"", "", "MO", "15:00", "09:00", ""}};
  auto r = check_service(s);
  ASSERT_FALSE(r);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"id", "name", "description", "url", "email", "status", "maximum_age",
                                              "review_due_on", "schedules"}));
}

TEST(Directory, FreeUnlessSomethingHasAPrice) {
  Service s;
  EXPECT_TRUE(s.free());
  s.costs.push_back({"", "Session", std::nullopt, "Ask"});
  EXPECT_TRUE(s.free());
  s.costs.push_back({"", "Trip", Pence(500), ""});
  EXPECT_FALSE(s.free());
}

TEST(Directory, UuidsAreLowerCaseAndShaped) {
  EXPECT_TRUE(is_uuid("0e000000-0000-4000-8000-000000000001"));
  EXPECT_FALSE(is_uuid("0E000000-0000-4000-8000-000000000001"));
  EXPECT_FALSE(is_uuid("0e000000000004000800000000000001"));
}

}  // namespace
}  // namespace tandem
