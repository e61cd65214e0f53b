#include "core/health_notification.h"

#include <gtest/gtest.h>

namespace tandem {
namespace {

const Date kBorn = make_date(2022, 6, 15);
const Date kToday = make_date(2026, 11, 23);

struct Case {
  HealthNotificationForm form;
  const char* field;  // nullptr: accepted
  const char* why;
};

TEST(HealthNotification, CoversYoungChildrenOnlyAndNeedsItsSource) {
  const Case cases[] = {
      {{"2025-03-01", "Health visiting team", ""}, nullptr, "aged 2: CFA s23 applies"},
      {{"2027-06-14", "Health visiting team", ""}, "notified_on", "in the future"},
      {{"2027-06-15", "Health visiting team", ""}, "notified_on", "in the future, and 5 by then"},
      {{"2022-06-14", "Maternity unit", ""}, "notified_on", "before the child was born"},
      {{"2025-13-01", "Health visiting team", ""}, "notified_on", "not a date"},
      {{"2025-03-01", "", ""}, "from_body", "no source named"},
  };
  for (const auto& c : cases) {
    auto r = validate_health_notification(c.form, kBorn, kToday);
    if (!c.field) {
      EXPECT_TRUE(r) << c.why;
    } else {
      ASSERT_FALSE(r) << c.why;
      EXPECT_EQ(r.error().first_field(), c.field) << c.why;
    }
  }
  // Turned 5 on 15 June 2027 is after today; a child born 2021-01-01 is 5 by 2026-01-01.
  auto older = validate_health_notification({"2026-02-01", "Community paediatrics", ""}, make_date(2021, 1, 1), kToday);
  ASSERT_FALSE(older);
  EXPECT_NE(older.error().first_message().find("request for an EHC needs assessment"), std::string::npos);
}

}  // namespace
}  // namespace tandem
