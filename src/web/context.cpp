#include "web/context.h"

#include <nlohmann/json.hpp>

#include "core/access.h"

namespace tandem::web {

Response redirect(const std::string& location) {
  Response r;
  r.status = 303;
  r.set("Location", location);
  return r;
}

Response json_response(int status, const std::string& body) {
  Response r;
  r.status = status;
  r.set("Content-Type", "application/json");
  r.body = body;
  return r;
}

Response json_error(int status, const Error& error) {
  nlohmann::json j;
  j["error"] = "invalid";
  j["message"] = error.first_message();
  j["fields"] = nlohmann::json::array();
  for (const auto& f : error.fields) j["fields"].push_back({{"field", f.field}, {"message", f.message}});
  return json_response(status, j.dump());
}

Response json_message(int status, const std::string& code, const std::string& message) {
  return json_response(status, nlohmann::json{{"error", code}, {"message", message}}.dump());
}

mstch::array error_items(const Error& e) {
  mstch::array out;
  for (const auto& f : e.fields) out.push_back(mstch::map{{"field", f.field}, {"message", f.message}});
  return out;
}

mstch::map field_errors(const Error& e) {
  mstch::map out;
  for (const auto& f : e.fields) {
    if (!out.contains(f.field)) out[f.field] = f.message;
  }
  return out;
}

namespace {
struct NavItem {
  const char* key;
  const char* href;
  const char* label;
  Permission permission;
};
constexpr NavItem kNav[] = {
    {"cases", "/cases", "Cases", Permission::view_register},
    {"reviews", "/reviews", "Reviews", Permission::view_register},
    {"appeals", "/appeals", "Tribunal", Permission::view_register},
    {"disagreements", "/disagreements", "Disagreements", Permission::view_register},
    {"children", "/children", "Children", Permission::view_register},
    {"performance", "/performance/twenty-weeks", "Performance", Permission::view_performance},
    {"audit", "/audit", "Audit trail", Permission::view_audit},
    {"directory", "/directory/reviews", "Local Offer", Permission::edit_directory},
    {"contracts", "/contracts", "Contracts", Permission::view_contracts},
    {"voice", "/feedback", "Families' voice", Permission::edit_directory},
    {"commissioning", "/commissioning", "Commissioning", Permission::view_contracts},
};
}  // namespace

Response page(Ctx& ctx, int status, const std::string& tmpl, const std::string& title, mstch::map view,
              const std::string& current_nav, const Error* errors) {
  mstch::map layout;
  layout["title"] = title;
  layout["csp_nonce"] = ctx.csp_nonce;
  layout["has_errors"] = errors != nullptr && !errors->fields.empty();
  if (errors) {
    view["has_errors"] = !errors->fields.empty();
    view["errors"] = error_items(*errors);
    view["field_errors"] = field_errors(*errors);
  }
  if (ctx.user) {
    const auto& u = *ctx.user;
    layout["area_name"] = u.area_name;
    layout["user"] = mstch::map{{"display_name", u.display_name}, {"role_label", std::string(role_label(u.role))}};
    const std::string csrf = ctx.s.auth.csrf_token(u.session_hash);
    layout["csrf_token"] = csrf;
    view["csrf_token"] = csrf;
    mstch::array nav;
    nav.reserve(std::size(kNav));  // growing copies every item: mstch nodes have no noexcept move
    for (const auto& n : kNav) {
      if (!role_has(u.role, n.permission)) continue;
      nav.push_back(mstch::map{
          {"href", std::string(n.href)}, {"label", std::string(n.label)}, {"current", current_nav == n.key}});
    }
    if (!nav.empty()) layout["nav"] = std::move(nav);
  }
  Response r;
  r.status = status;
  r.set("Content-Type", "text/html; charset=utf-8");
  r.body = ctx.s.templates.page(tmpl, view, std::move(layout));
  return r;
}

Response error_page(Ctx& ctx, int status, const std::string& title, const std::string& message) {
  return page(ctx, status, "error", title, mstch::map{{"heading", title}, {"message", message}});
}

}  // namespace tandem::web
