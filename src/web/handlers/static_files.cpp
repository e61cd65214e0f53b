#include <fstream>
#include <sstream>

#include "web/handlers.h"

namespace tandem::web::handlers {

namespace {
std::string content_type(const std::string& path) {
  auto ends = [&](const char* s) { return path.ends_with(s); };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".json") || ends(".map")) return "application/json";
  return "application/octet-stream";
}
}  // namespace

Response static_file(Ctx& ctx) {
  const std::string rel = percent_decode(std::string_view(ctx.req.path).substr(8), false);
  // No way out of the folder: refuse any segment that climbs or hides.
  if (rel.empty() || rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos || rel[0] == '/') {
    return json_message(404, "not_found", "No such file");
  }
  const auto path = ctx.s.static_dir / rel;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Response r;
    r.status = 404;
    r.set("Content-Type", "text/plain; charset=utf-8");
    r.body = "Not found\n";
    return r;
  }
  std::ostringstream body;
  body << in.rdbuf();
  Response r;
  r.set("Content-Type", content_type(rel));
  r.set("Cache-Control", "public, max-age=3600");
  r.body = body.str();
  return r;
}

}  // namespace tandem::web::handlers
