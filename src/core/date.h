// Calendar dates as std::chrono::sys_days, read and written as ISO 8601
// (YYYY-MM-DD), the only date format Tandem accepts at its edges.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tandem {

using Date = std::chrono::sys_days;

// Parses exactly YYYY-MM-DD naming a real calendar day. `field` names the
// input in the error, e.g. parse_date("date_of_birth", "2015-02-30").
Result<Date> parse_date(std::string_view field, std::string_view text);

std::string format_date(Date d);       // 2025-01-06
std::string format_date_long(Date d);  // 6 January 2025
Date make_date(int year, unsigned month, unsigned day);

// The same day `years` later (earlier when negative); 29 February becomes 28
// February in a common year. Not for birthdays in law, which move to 1 March
// (core/rights.cpp).
Date add_years(Date d, int years);

// Whole years between `birth` and `on` (the age a person is on that day).
int age_on(Date birth, Date on);

}  // namespace tandem
