#include "web/refusal.h"

namespace tandem::web {

Response refusal(Ctx& ctx, const app::Refused& r, bool api, std::string_view forbidden_title) {
  const bool missing = r.status == 404;
  if (api) return json_message(r.status, missing ? "not_found" : "forbidden", r.message);
  return error_page(ctx, r.status, missing ? "Page not found" : std::string(forbidden_title), r.message);
}

mstch::array choices(const std::vector<std::pair<std::string, std::string>>& items, const std::string& selected) {
  mstch::array out;
  out.reserve(items.size());
  for (const auto& [value, label] : items) {
    out.push_back(mstch::map{{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return out;
}

}  // namespace tandem::web
