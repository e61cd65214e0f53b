// Working days in England: Monday to Friday, except bank holidays.
//
// Some statutory limits run in working days (SEND Regulations 2014 reg 2(1):
// moving a plan between areas, mediation certificates), and an area's receipt
// rule moves late or weekend requests to the next working day. A Calendar is
// pure: it holds the bank holidays it was given and does no I/O. Bank holidays
// are dated national data (data/calendar/, loaded by profile/bank_holidays.h),
// because they are set by proclamation year by year and the file must be
// extendable without a new release.
//
//   const Calendar cal = shipped_calendar();  // profile/bank_holidays.h
//   cal.is_working_day(make_date(2025, 12, 26));        // false: Boxing Day
//   cal.add_working_days(make_date(2025, 12, 24), 1);   // 2025-12-29
//
// Outside the years its data covers a Calendar still answers, counting only
// weekends; covers() says whether an answer can be trusted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace tandem {

struct BankHoliday {
  Date date;
  std::string name;  // "Christmas Day (substitute day)"
  bool operator==(const BankHoliday&) const = default;
};

class Calendar {
 public:
  // No bank holidays: only weekends are non-working.
  Calendar() = default;
  // Duplicated dates keep the first name given.
  explicit Calendar(std::vector<BankHoliday> bank_holidays);

  bool is_bank_holiday(Date d) const;
  std::optional<std::string_view> bank_holiday_name(Date d) const;
  bool is_working_day(Date d) const;

  // The first working day strictly after `d`.
  Date next_working_day(Date d) const;
  // The day `n` working days after `d` (`d` itself not counted, whether or not
  // it is a working day); a negative `n` counts back. add_working_days(d, 0) is d.
  Date add_working_days(Date d, int n) const;

  // True when `d` falls in a calendar year the bank-holiday data covers, so
  // the answers for that day are complete.
  bool covers(Date d) const;

  // This calendar with another's bank holidays added (an operator's extra
  // file, say); where both name a date this calendar's name is kept.
  Calendar merged_with(const Calendar& extra) const;

  const std::vector<BankHoliday>& bank_holidays() const { return holidays_; }

 private:
  std::vector<BankHoliday> holidays_;  // sorted by date, unique
};

}  // namespace tandem
