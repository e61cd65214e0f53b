// Inside interop: reading one fully nested Open Referral UK service object,
// shared by the JSON feed reader, the CSV tables (joined into the same shape)
// and a feed read over HTTP.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "interop/oruk_import.h"

namespace tandem::interop::oruk {

// Every problem with the record goes into errors, each field a JSON path
// ("service_at_locations[0].location.latitude").
ImportedService read_service_object(const nlohmann::json& j, Date today, std::vector<FieldError>& errors);

// Adds the record to feed.services, or to feed.rejected with its position and
// where it came from.
void add_service(ParsedFeed& feed, const nlohmann::json& j, std::size_t index, const std::string& source, Date today);

}  // namespace tandem::interop::oruk
