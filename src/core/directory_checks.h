// The rules staff edits to the Local Offer's organisations, venues, opening
// times and taxonomy terms must meet. Each check names every wrong field and
// what is allowed, as the forms and the API call the fields.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/child.h"  // normalise_postcode: venues are checked as children's addresses are
#include "core/directory.h"
#include "core/result.h"

namespace tandem {

// Decimal degrees ("53.4808", "-2.24") as whole millionths; none if the text is
// not a number with at most six decimal places or lies beyond +/- `limit`.
std::optional<std::int64_t> parse_degrees_e6(std::string_view text, int limit);

// The organisation identifiers Open Referral UK carries, with their org-id.guide
// scheme: a charity number from the Charity Commission for England and Wales
// (6 or 7 digits, GB-CHC), OSCR (SC and 6 digits, GB-SC) or the Charity
// Commission for Northern Ireland (NIC and 6 digits, GB-NIC); a Companies House
// number (8 digits, or 2 letters and 6 digits, GB-COH).
std::string charity_scheme(std::string_view number);  // empty: not a charity number
bool is_company_number(std::string_view number);

Result<void> check_organisation(const Organisation& o);
Result<void> check_location(const Location& l);
// `venues`: the service's service-at-location ids a schedule may name.
Result<void> check_schedule(const Schedule& s, const std::vector<ServiceAtLocation>& venues);
// A phone number as people write one: digits with spaces, brackets and
// hyphens, a leading + for the country code, 10 to 15 digits in all (UK
// numbers have 10 or 11; E.164 allows 15).
bool looks_like_phone(std::string_view text);
// The currencies a price may be given in (ISO 4217), pounds first.
std::span<const std::string_view> known_currencies();

// A service's contact: a name, and a phone number or an email address families
// can use, each shaped as one.
Result<void> check_contact(const ServiceContact& c);
// A price: an amount no less than nothing (or none: no set price), in a known
// currency. Staff must say what it is for; other directories need not.
Result<void> check_cost(const CostOption& c);

// The term against every term in the area: code unique within its taxonomy,
// parent from the same taxonomy, no term its own ancestor.
Result<void> check_taxonomy_term(const TaxonomyTerm& t, const std::vector<TaxonomyTerm>& all);

}  // namespace tandem
