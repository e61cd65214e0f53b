// Reading Open Referral UK (HSDS-UK 3.0) services from its CSV tables: one
// file per table (services.csv, organizations.csv, locations.csv,
// service_at_locations.csv, schedules.csv, contacts.csv, phones.csv,
// cost_options.csv, taxonomies.csv, taxonomy_terms.csv, attributes.csv,
// addresses.csv, accessibility.csv, eligibility.csv), joined by their ids into
// the same fully nested services a JSON feed gives, and checked the same way.
//
// Singular file names (schedule.csv, service_at_location.csv, ...) are read
// when the plural is absent. Tables Tandem keeps nothing from (funding,
// languages, programs, ...) are left alone.
#pragma once

#include <map>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "interop/oruk_import.h"

namespace tandem::interop::oruk {

// files: each CSV file's name ("services.csv") and text. Fails, naming the
// file, when services.csv or organizations.csv is missing, a file is not CSV,
// or a table lacks a column it needs. Otherwise every service is either read
// or rejected; each problem names the file, the line and the column
// ("locations.csv line 2 latitude").
Result<ParsedFeed> parse_service_tables(const std::map<std::string, std::string>& files, Date today);

}  // namespace tandem::interop::oruk
