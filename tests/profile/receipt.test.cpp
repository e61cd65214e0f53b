#include "profile/receipt.h"

#include <gtest/gtest.h>

#include "profile/bank_holidays.h"

namespace tandem {
namespace {

using namespace std::chrono_literals;

ReceiptRule tandem_default() {
  return ReceiptRule{std::chrono::minutes{17h}, NonWorkingDayReceipt::next_working_day, "Europe/London", false};
}

struct ReceiptCase {
  ReceiptRule rule;
  Date arrived_on;
  std::chrono::seconds arrived_at;
  Date expected;
  const char* why;
};

TEST(DayOfReceipt, FollowsTheAreasRule) {
  const Calendar& cal = shipped_calendar();
  ReceiptRule no_cut_off = tandem_default();
  no_cut_off.cut_off.reset();
  ReceiptRule weekends_count = tandem_default();
  weekends_count.on_non_working_day = NonWorkingDayReceipt::same_day;

  const ReceiptCase cases[] = {
      {tandem_default(), make_date(2025, 1, 6), 9h, make_date(2025, 1, 6), "Monday morning: that day"},
      {tandem_default(), make_date(2025, 1, 6), 17h, make_date(2025, 1, 6), "exactly 17:00 is still in time"},
      {tandem_default(), make_date(2025, 1, 6), 17h + 1s, make_date(2025, 1, 7), "one second after the cut-off"},
      {tandem_default(), make_date(2024, 12, 20), 17h + 30min, make_date(2024, 12, 23),
       "Friday evening: the next working day is Monday"},
      {tandem_default(), make_date(2025, 1, 4), 10h, make_date(2025, 1, 6), "Saturday morning: Monday"},
      {tandem_default(), make_date(2025, 12, 24), 18h, make_date(2025, 12, 29),
       "Christmas Eve evening: past Christmas, Boxing Day and the weekend"},
      {tandem_default(), make_date(2022, 6, 2), 9h, make_date(2022, 6, 6), "a Jubilee bank holiday: Monday"},
      {no_cut_off, make_date(2025, 1, 6), 23h + 59min, make_date(2025, 1, 6), "no cut-off: any time that day"},
      {no_cut_off, make_date(2025, 1, 4), 10h, make_date(2025, 1, 6), "no cut-off, but weekends still move"},
      {weekends_count, make_date(2025, 1, 4), 10h, make_date(2025, 1, 4), "an area that counts weekend days"},
      {weekends_count, make_date(2025, 1, 3), 18h, make_date(2025, 1, 6), "the cut-off still applies on a working day"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(day_of_receipt(c.rule, cal, c.arrived_on, c.arrived_at), c.expected) << c.why;
  }
}

}  // namespace
}  // namespace tandem
