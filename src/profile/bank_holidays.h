// Reads bank holidays from CSV (dated national data), and the copy shipped in
// the binary.
//
// The file has a header line `date,name` and one holiday a line:
//   2025-12-25,Christmas Day
// Dates are YYYY-MM-DD; a name containing a comma may be put in double quotes.
// Errors name the file, the line and what is wrong, e.g.
//   extra-holidays.csv line 4: date "2025-02-30" is not a real date; ...
// The shipped file (data/calendar/bank-holidays-england-and-wales.csv, from
// GOV.UK) runs to 2030; an operator can load an extra file and merge it with
// Calendar::merged_with() when a new holiday is proclaimed.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/result.h"
#include "core/working_days.h"

namespace tandem {

Result<Calendar> load_bank_holidays(std::string_view csv, std::string_view file_name);
Result<Calendar> load_bank_holidays_file(const std::filesystem::path& path);

// England and Wales bank holidays as shipped. Parsed once; the shipped file is
// checked by the tests, so a failure here is a bug and throws.
const Calendar& shipped_calendar();

}  // namespace tandem
