// The terms top-ups are paid for (core/funding_terms.h), read as data: the
// national pattern (data/calendar/funding_terms.toml) and each area's own
// school term dates ([[school_terms]] in its profile, read with the rest of
// the profile by area_profiles.h).
//
//   const TermCalendar cal = term_calendar_for_area("demo");
//   funding_term_of(cal, today);
//
// Errors name the file, the line and the key, as for area profiles.
#pragma once

#include <array>
#include <string_view>

#include "core/area_profile.h"
#include "core/funding_terms.h"
#include "core/result.h"

namespace tandem {

// Three [[term]] tables, autumn, spring and summer, each with start and end as
// "MM-DD"; they may not share a day, within the year or with the next.
Result<std::array<YearlyTerm, 3>> parse_yearly_terms(std::string_view toml_text, std::string_view file_name);

// data/calendar/funding_terms.toml as shipped. Checked by the tests; throws if broken.
const std::array<YearlyTerm, 3>& national_yearly_terms();

// The area's own terms over the national pattern.
TermCalendar term_calendar(const AreaProfile& area);
// The shipped profile's calendar; the national pattern alone for an area
// Tandem ships no profile for.
TermCalendar term_calendar_for_area(std::string_view area_id);

}  // namespace tandem
