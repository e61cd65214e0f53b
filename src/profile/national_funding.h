// National high-needs funding amounts, dated by financial year.
//
// Some money rules are national and change only when DfE says so: the first
// £6,000 of extra support a mainstream school meets from its notional SEN
// budget, and the place funding a special school, SEN unit or college gets for
// each commissioned place. They are dated data (data/national/funding.toml),
// one entry per financial year with the DfE guide it comes from, never
// constants in code: a year with no entry is an error, not a guess.
//
//   const auto rates = high_needs_rates_on(shipped_national_funding(), make_date(2024, 9, 1));
//   if (rates) cost_to_school = std::min(extra_cost, rates->notional_sen_threshold);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace tandem {

// The rates for one financial year (1 April to 31 March).
struct HighNeedsRates {
  int financial_year = 0;  // the year it starts: 2024 for 2024-25
  // Elements 1 and 2: what a mainstream school or college meets from its own
  // budget for a pupil's extra support before the council tops up (element 3).
  Pence notional_sen_threshold;
  Pence special_school_place;   // per commissioned place in a special school
  Pence mainstream_unit_place;  // per place in a mainstream SEN unit or resourced provision
  Pence fe_high_needs_place;    // per high-needs student place in further education
  std::string source;           // the DfE document the amounts come from
};

struct NationalFunding {
  std::vector<HighNeedsRates> years;  // sorted by financial_year, one entry each
};

// 2024 for any day from 1 April 2024 to 31 March 2025.
int financial_year_of(Date d);
std::string format_financial_year(int financial_year);  // "2024-25"

Result<HighNeedsRates> high_needs_rates_for(const NationalFunding& funding, int financial_year);
Result<HighNeedsRates> high_needs_rates_on(const NationalFunding& funding, Date d);

// Errors name the file, line and key, as for area profiles.
Result<NationalFunding> parse_national_funding(std::string_view toml_text, std::string_view file_name);

// data/national/funding.toml as shipped. Checked by the tests; throws if broken.
const NationalFunding& shipped_national_funding();

}  // namespace tandem
