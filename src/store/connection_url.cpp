#include "store/connection_url.h"

#include <cctype>

namespace tandem::store {

namespace {
std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// libpq keyword/value strings quote values in single quotes, escaping ' and \.
std::string quoted(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}
}  // namespace

ConnectionTarget parse_connection_url(const std::string& url) {
  if (url.starts_with("sqlite:")) {
    const std::string path = url.substr(7);
    if (path.empty()) throw StoreError("--database: give a file after sqlite:, for example sqlite:tandem.db");
    return {Engine::sqlite, "db=" + path + " timeout=30", url};
  }
  std::string rest;
  if (url.starts_with("postgresql://")) {
    rest = url.substr(13);
  } else if (url.starts_with("postgres://")) {
    rest = url.substr(11);
  } else {
    throw StoreError(
        "--database must start with sqlite: (a file, e.g. sqlite:tandem.db) or postgresql:// (a "
        "server, e.g. postgresql://tandem@localhost:5432/tandem), not '" +
        url + "'");
  }
  std::string params;
  if (const auto q = rest.find('?'); q != std::string::npos) {
    params = rest.substr(q + 1);
    rest.erase(q);
  }
  std::string dbname;
  if (const auto slash = rest.find('/'); slash != std::string::npos) {
    dbname = percent_decode(rest.substr(slash + 1));
    rest.erase(slash);
  }
  std::string userinfo;
  if (const auto at = rest.rfind('@'); at != std::string::npos) {
    userinfo = rest.substr(0, at);
    rest.erase(0, at + 1);
  }
  std::string host = rest;
  std::string port;
  if (const auto colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos) {
    port = host.substr(colon + 1);
    host.erase(colon);
  }
  std::string user, password;
  if (!userinfo.empty()) {
    const auto colon = userinfo.find(':');
    user = percent_decode(userinfo.substr(0, colon));
    if (colon != std::string::npos) password = percent_decode(userinfo.substr(colon + 1));
  }
  std::string connect;
  std::string display = "postgresql://";
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!connect.empty()) connect += ' ';
    connect += std::string(key) + "=" + quoted(value);
  };
  add("host", percent_decode(host));
  add("port", port);
  add("user", user);
  add("password", password);
  add("dbname", dbname);
  while (!params.empty()) {
    const auto amp = params.find('&');
    const std::string kv = params.substr(0, amp);
    params = amp == std::string::npos ? "" : params.substr(amp + 1);
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw StoreError("--database: the parameter '" + kv + "' must be written key=value");
    }
    add(kv.substr(0, eq).c_str(), percent_decode(kv.substr(eq + 1)));
  }
  display += (user.empty() ? "" : user + "@") + host + (port.empty() ? "" : ":" + port) + "/" + dbname;
  return {Engine::postgresql, connect, display};
}

}  // namespace tandem::store
