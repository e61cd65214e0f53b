// Fetching a URL over HTTP(S): the one place Tandem speaks to another server.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "core/result.h"

namespace tandem::app {

struct HttpAnswer {
  long status = 0;
  std::string content_type;
  std::string body;
  std::string url;  // where the answer came from, after any redirects
};

struct HttpOptions {
  std::chrono::seconds timeout{30};    // for the whole request
  std::size_t max_bytes = 256u << 20;  // an answer longer than this is refused
  const char* accept = "application/json";
};

// GET, following up to 10 redirects, over http:// and https:// only. Fails
// (field "url"), naming the URL, when the host cannot be reached, the request
// times out or the answer is too long. Any status is an answer: the caller
// decides what it expected.
Result<HttpAnswer> http_get(const std::string& url, const HttpOptions& options = {});

}  // namespace tandem::app
