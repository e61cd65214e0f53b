#include "core/working_days.h"

#include <algorithm>
#include <utility>

namespace tandem {

namespace {
bool is_weekend(Date d) {
  const std::chrono::weekday wd{d};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}
int year_of(Date d) { return static_cast<int>(std::chrono::year_month_day{d}.year()); }
}  // namespace

Calendar::Calendar(std::vector<BankHoliday> bank_holidays) : holidays_(std::move(bank_holidays)) {
  std::stable_sort(holidays_.begin(), holidays_.end(),
                   [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end(),
                              [](const BankHoliday& a, const BankHoliday& b) { return a.date == b.date; }),
                  holidays_.end());
}

std::optional<std::string_view> Calendar::bank_holiday_name(Date d) const {
  const auto it =
      std::lower_bound(holidays_.begin(), holidays_.end(), d, [](const BankHoliday& h, Date x) { return h.date < x; });
  if (it == holidays_.end() || it->date != d) return std::nullopt;
  return std::string_view(it->name);
}

bool Calendar::is_bank_holiday(Date d) const { return bank_holiday_name(d).has_value(); }

bool Calendar::is_working_day(Date d) const { return !is_weekend(d) && !is_bank_holiday(d); }

Date Calendar::next_working_day(Date d) const {
  Date next = d + std::chrono::days{1};
  while (!is_working_day(next)) next += std::chrono::days{1};
  return next;
}

Date Calendar::add_working_days(Date d, int n) const {
  const std::chrono::days step{n < 0 ? -1 : 1};
  for (int left = n < 0 ? -n : n; left > 0;) {
    d += step;
    if (is_working_day(d)) --left;
  }
  return d;
}

bool Calendar::covers(Date d) const {
  if (holidays_.empty()) return false;
  // The data runs whole years (every English year has bank holidays), so the
  // span of years it lists is the span it covers.
  const int y = year_of(d);
  return y >= year_of(holidays_.front().date) && y <= year_of(holidays_.back().date);
}

Calendar Calendar::merged_with(const Calendar& extra) const {
  std::vector<BankHoliday> all = holidays_;
  all.insert(all.end(), extra.holidays_.begin(), extra.holidays_.end());
  return Calendar(std::move(all));
}

}  // namespace tandem
