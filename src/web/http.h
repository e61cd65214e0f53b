// Plain HTTP request and response values. Handlers take and return these, so
// only the server file (web/http_server.cpp) compiles Boost.Beast.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tandem::web {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query, percent-encoding kept, e.g. "/children/abc"
  std::string query;   // raw query string without '?'
  std::map<std::string, std::string, std::less<>> headers;  // names lower-cased
  std::string body;
  std::string remote_address;

  std::string_view header(std::string_view name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string_view{} : std::string_view(it->second);
  }
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& set(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

using Handler = std::function<Response(const Request&)>;

}  // namespace tandem::web
