// Reading Open Referral UK (HSDS-UK 3.0) services from another directory's
// feed: fully nested services (service.json), as one object, an array, or a
// page of results ({"contents": [...]}); and the pages of a feed read over
// HTTP, whose items may be summaries to fetch one by one.
//
// Each service becomes a record with the organisation, venues and taxonomy
// terms it names, or a list of what is wrong with it, each naming the field
// ("service_at_locations[0].location.latitude") and what is allowed. The
// level of support comes from a "Level of support" term, as Tandem's feed gives
// it (universal when there is none). The standard has no review date: an
// imported service was checked on its assured_date (or the day of the import)
// and is due for review a year later.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/directory.h"
#include "core/result.h"

namespace tandem::interop::oruk {

struct ImportedService {
  Service service;
  Organisation organisation;
  std::vector<Location> locations;
  std::vector<Taxonomy> taxonomies;
  std::vector<TaxonomyTerm> terms;
};

struct Rejected {
  std::size_t index = 0;  // position in the feed, from 0
  std::string id;         // the record's id, if it had one
  std::string name;
  std::string source;  // where it was read: a URL or "services.csv line 3"; empty for the one file given
  Error error;
};

struct ParsedFeed {
  std::vector<ImportedService> services;
  std::vector<Rejected> rejected;
};

// Fails (naming "file") only when the text is not JSON or holds no services.
Result<ParsedFeed> parse_services(std::string_view json_text, Date today);

// One service (service.json) read from source: added to the feed's services,
// or to its rejected records (a text that is not a JSON object included).
void add_service_text(ParsedFeed& feed, std::string_view json_text, std::size_t index, const std::string& source,
                      Date today);

// One page of GET /services (service_list.json).
struct ServicePage {
  struct Item {
    std::string id;
    std::string name;
    std::string full_json;  // the item itself when it is fully nested; empty for a summary to fetch by id
  };
  std::vector<Item> items;
  std::optional<std::int64_t> total_pages;
  std::optional<std::int64_t> total_items;
  bool last_page = false;  // the page said so
};
// Fails (field "page") when the text is not JSON or not a page of services,
// saying what a page holds.
Result<ServicePage> parse_service_page(std::string_view json_text);

}  // namespace tandem::interop::oruk
