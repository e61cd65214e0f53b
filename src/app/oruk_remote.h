// Reading another directory's Open Referral UK feed over HTTP: the pages of
// GET /services, following total_pages (or last_page), then each service's
// full record from GET /services/{id} where the list gives only summaries.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "app/http_get.h"
#include "core/date.h"
#include "core/result.h"
#include "interop/oruk_import.h"

namespace tandem::app {

// progress(what, done, total): "pages read" and "services fetched" as they go.
using ImportProgress = std::function<void(std::string_view what, std::size_t done, std::size_t total)>;
using HttpFetch = std::function<Result<HttpAnswer>(const std::string& url)>;

// The feed's base from what a person gives: https://host/api/oruk/,
// https://host/api/oruk or https://host/api/oruk/services all give
// https://host/api/oruk (a query string is dropped).
std::string oruk_base_url(std::string_view url);

// Fails (field "url"), naming the URL and what was expected, when a page
// cannot be fetched, answers other than 2xx, or is not an Open Referral UK
// page of services. A service whose record cannot be read is rejected,
// named by its URL.
Result<interop::oruk::ParsedFeed> read_remote_feed(std::string_view url, const HttpFetch& fetch, Date today,
                                                   const ImportProgress& progress);

}  // namespace tandem::app
