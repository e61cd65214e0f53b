// Reading what browsers and API clients send: query strings, urlencoded
// forms, cookies, bearer tokens.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.h"

namespace tandem::web {

using Params = std::map<std::string, std::string, std::less<>>;

std::string percent_decode(std::string_view s, bool plus_is_space);
std::string percent_encode(std::string_view s);
// Parses a=1&b=two+words; a repeated key keeps its first value.
Params parse_urlencoded(std::string_view s);
// Every value of a repeated key (days=MO&days=WE), in order.
std::vector<std::string> all_values(std::string_view urlencoded, std::string_view key);
Params parse_cookies(std::string_view header);
std::string bearer_token(const Request& r);

inline std::string param(const Params& p, std::string_view key) {
  auto it = p.find(key);
  return it == p.end() ? std::string() : it->second;
}

// The ?page= of a paged list: 1 when absent or not a number (the list clamps
// it to the pages it has).
int page_param(const Params& query);

std::string html_escape(std::string_view s);

}  // namespace tandem::web
