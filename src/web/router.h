// The request handler for the whole product: matches the route, signs the
// user in from a session cookie or API token, checks the route's permission
// and the CSRF token, calls the handler, and adds the security headers.
#pragma once

#include <optional>

#include "core/access.h"
#include "web/context.h"
#include "web/http.h"

namespace tandem::web {

enum class Access {
  anyone,     // no sign-in (health check, assets, sign-in form)
  signed_in,  // any signed-in user
  permission  // signed in and the role holds `permission`
};

struct Route {
  const char* method;
  const char* pattern;  // "/children/{}" captures one path segment
  Access access;
  Permission permission;
  bool api;  // answers JSON; accepts API tokens; 401 rather than a redirect
  Response (*handler)(Ctx&);
};

Handler make_handler(Services& services);

}  // namespace tandem::web
