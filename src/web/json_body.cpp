#include "web/json_body.h"

namespace tandem::web {

std::optional<Params> json_body_params(const std::string& body,
                                       const std::function<void(const nlohmann::json&, Params&)>& extra) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error&) {
    return std::nullopt;
  }
  if (!j.is_object()) return std::nullopt;
  Params p;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const auto& v = it.value();
    if (v.is_string()) p[it.key()] = v.get<std::string>();
    if (v.is_number_integer()) p[it.key()] = std::to_string(v.get<long long>());
    if (v.is_number_float()) p[it.key()] = v.dump();
    if (v.is_boolean()) p[it.key()] = v.get<bool>() ? "yes" : "no";
  }
  if (extra) extra(j, p);
  return p;
}

}  // namespace tandem::web
