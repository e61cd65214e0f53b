// What every handler receives: the request, the signed-in user (if any), the
// path captures, parsed query and form, and the services it may call.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "app/access_log.h"
#include "app/auth.h"
#include "app/clock.h"
#include "app/local_offer.h"
#include "app/register.h"
#include "app/service_closures.h"
#include "core/result.h"
#include "store/database.h"
#include "web/forms.h"
#include "web/http.h"
#include "web/templates.h"

namespace tandem::web {

struct Services {
  store::Database& db;
  const app::Clock& clock;
  app::Auth& auth;
  app::AccessLog& access_log;
  Templates& templates;
  std::filesystem::path static_dir;
  bool secure_cookies = false;  // set when served over TLS (behind a proxy)
  app::RegisterSearchCache* search_cache = nullptr;
  app::CaseloadIndex* caseload_index = nullptr;
  app::TopUpCache* top_up_cache = nullptr;
  app::LocalOffer* local_offer = nullptr;  // the public Local Offer directory
  app::ClosureSweep* closures = nullptr;   // none: services are not closed on their planned day

  app::RegisterServices register_services() {
    return {db, clock, access_log, search_cache, caseload_index, top_up_cache};
  }
};

struct Ctx {
  const Request& req;
  Services& s;
  std::optional<app::SignedIn> user;
  bool via_api_token = false;
  std::vector<std::string> captures;
  Params query;
  Params form;
  std::string csp_nonce;

  std::string route() const { return req.method + " " + req.path; }
  const app::SignedIn& me() const { return *user; }
};

// Response builders shared by handlers.
Response redirect(const std::string& location);
Response json_response(int status, const std::string& body);
Response json_error(int status, const Error& error);
Response json_message(int status, const std::string& code, const std::string& message);

// Renders a page inside the layout with the user's navigation and CSRF token.
Response page(Ctx& ctx, int status, const std::string& tmpl, const std::string& title, mstch::map view,
              const std::string& current_nav = "", const Error* errors = nullptr);
Response error_page(Ctx& ctx, int status, const std::string& title, const std::string& message);

// GOV.UK error summary items and per-field messages for a template.
mstch::array error_items(const Error& e);
mstch::map field_errors(const Error& e);

}  // namespace tandem::web
