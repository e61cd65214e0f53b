#include "web/router.h"

#include "app/health.h"

namespace tandem::web {

Handler make_handler(AppContext& context) {
  return [&context](const Request& request) -> Response {
    Response r;
    r.set("Content-Type", "text/plain; charset=utf-8");
    if (request.path == "/healthz") {
      const auto health = app::check_health(context.db);
      r.status = health.ready ? 200 : 503;
      r.body = health.detail + "\n";
      return r;
    }
    r.status = 404;
    r.body = "Page not found\n";
    return r;
  };
}

}  // namespace tandem::web
