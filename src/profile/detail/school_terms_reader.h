// Internal: reads an area profile's [[school_terms]] (profile/school_terms.h).
#pragma once

#include <vector>

#include "core/funding_terms.h"
#include "profile/detail/toml_reader.h"

namespace tandem::profile_detail {

// Each term's name, start and end ("2025-09-03"), listed by date: a term that
// ends before it starts, comes before the one above it, shares a day with it,
// or leaves its academic year without all three terms is a problem.
void read_school_terms(Problems& problems, TableReader& top, std::vector<FundingTerm>& out);

}  // namespace tandem::profile_detail
