// The Local Offer directory: organisations, the services they run, where and
// when, for whom, at what cost. Shaped after Open Referral UK (HSDS-UK 3.0),
// whose ids are UUIDs. Plain values; the rules that check them are here too.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace tandem {

// How specialised a service is: open to all, for identified needs, or for the
// most complex needs (often through a referral or an EHC plan).
enum class ServiceLevel { universal, specialist, highly_specialist };
std::string_view to_string(ServiceLevel level);
std::string_view service_level_label(ServiceLevel level);
std::optional<ServiceLevel> parse_service_level(std::string_view text);
std::span<const ServiceLevel> all_service_levels();

struct Organisation {
  std::string id;
  std::string name;
  std::string description;
  std::string email;
  std::string website;
  std::string logo{};            // an image's web address, shown beside the name
  std::string charity_number{};  // as the charity's regulator registers it
  std::string company_number{};  // as Companies House registers it
  std::int64_t version = 1;
};

// Coordinates in whole millionths of a degree (WGS84), so they store exactly.
struct GeoPoint {
  std::int64_t latitude_e6 = 0;
  std::int64_t longitude_e6 = 0;
};
// Great-circle distance in metres.
double distance_metres(GeoPoint a, GeoPoint b);

struct Location {
  std::string id;
  std::string name;
  std::string description;
  std::string address_1;
  std::string city;
  std::string postcode;
  std::optional<GeoPoint> point;
  std::string accessibility;  // step-free access, hearing loop, quiet room...
  std::string address_2{};
  std::int64_t version = 1;
};

// Weekly opening: byday holds RFC 5545 day codes ("MO,WE"), times are "HH:MM".
struct Schedule {
  std::string id;
  std::string service_at_location_id;  // empty: the service's own times
  std::string byday;
  std::string opens_at;
  std::string closes_at;
  std::string description;
  std::optional<Date> valid_from{};  // none: open-ended
  std::optional<Date> valid_to{};
};

struct ServiceContact {
  std::string id;
  std::string name;
  std::string title;
  std::string email;
  std::string phone;
};

// option: who or what the price is for ("Under 18s"); amount_description: what
// the amount buys ("per 1 hour session"). Amounts are in the currency's minor
// unit (pence, cents).
struct CostOption {
  std::string id;
  std::string option;
  std::optional<Pence> amount;  // none: no set price
  std::string amount_description;
  std::string currency = "GBP";  // ISO 4217
};
// The price as families read it: "£12.50", "€8.00", "US$5.00"; "free" for
// nothing, "ask the service" when there is no set price.
std::string format_price(const CostOption& c);

struct Taxonomy {
  std::string id;
  std::string name;
  std::string description;
  std::string uri;
  std::string version;
};

struct TaxonomyTerm {
  std::string id;
  std::string taxonomy_id;
  std::string code;  // for the needs taxonomy, the DfE primary-need code
  std::string name;
  std::string description;
  std::string parent_id;
  std::int64_t version = 1;
};

struct ServiceAtLocation {
  std::string id;
  std::string location_id;
};

// The Open Referral UK status of a service the area no longer offers.
constexpr std::string_view kWithdrawnStatus = "defunct";

struct Service {
  std::string id;
  std::string organisation_id;
  std::string name;
  std::string description;
  std::string url;
  std::string email;
  std::string status = "active";       // active, inactive, defunct, temporarily closed
  std::optional<Date> withdrawn_on{};  // the day it stopped, when withdrawn (defunct)
  std::optional<Date> closes_on{};     // still offered, to be withdrawn on this later day
  ServiceLevel level = ServiceLevel::universal;
  std::string how_to_access;
  int minimum_age = 0;
  std::optional<int> maximum_age;  // none: no upper limit
  Date last_checked_on{};
  Date review_due_on{};
  std::int64_t version = 1;
  std::int64_t updated_at = 0;  // microseconds since the epoch, UTC
  std::vector<std::string> term_ids;
  std::vector<ServiceAtLocation> locations;
  std::vector<Schedule> schedules;
  std::vector<ServiceContact> contacts;
  std::vector<CostOption> costs;

  // No longer offered: kept with its history for staff, gone from families' search.
  bool withdrawn() const { return status == kWithdrawnStatus; }
  // Free when nothing it offers has a price above nothing.
  bool free() const;
  bool for_age(int age) const { return age >= minimum_age && (!maximum_age || age <= *maximum_age); }
};

// An area's whole directory, as loaded or generated.
struct Directory {
  std::string area_id;
  std::vector<Organisation> organisations;
  std::vector<Location> locations;
  std::vector<Taxonomy> taxonomies;
  std::vector<TaxonomyTerm> terms;
  std::vector<Service> services;
};

// The taxonomy whose terms are the SEND needs a service is for, each term's
// code a DfE primary-need code: the need filter reads it by this name.
constexpr std::string_view kNeedsTaxonomyName = "SEND needs";

// Checks a service as staff or an import would give it: names each wrong field
// and what is allowed.
Result<void> check_service(const Service& s);

// Day codes: "MO".."SU" (RFC 5545). Accepts a code or an English day name in
// any case ("monday", "Mon"); none if it is neither.
std::optional<std::string> parse_day_code(std::string_view text);
// "HH:MM" or "HH:MM:SS", 24-hour; returns minutes after midnight.
std::optional<int> parse_time_of_day(std::string_view text);
// The outward part of a UK postcode ("QS4 7RW" -> "QS4"), upper case; empty if
// the text is not shaped like a postcode or a postcode district.
std::string postcode_district(std::string_view postcode);
// A web address starting https:// or http://, and an email address's shape.
bool looks_like_url(std::string_view s);
bool looks_like_email(std::string_view s);
// A 36-character lower-case UUID (8-4-4-4-12 hex digits).
bool is_uuid(std::string_view text);

}  // namespace tandem
