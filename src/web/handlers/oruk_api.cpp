// The Open Referral UK 3.0 feed at /api/oruk/: the public validator and other
// directories read it without a key, from any origin, so every answer (errors
// too) carries Access-Control-Allow-Origin: *.
#include <span>

#include <nlohmann/json.hpp>

#include "core/embedded_file.h"
#include "web/handlers.h"

namespace tandem {
std::span<const EmbeddedFile> embedded_oruk_docs();
}

namespace tandem::web::handlers {

namespace {

constexpr const char* kProfile = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";

Response open(Response r) {
  r.set("Access-Control-Allow-Origin", "*");
  return r;
}

Response ok(std::string body) {
  Response r = json_response(200, std::move(body));
  // Public and the same for everyone; a minute old is fine for a directory.
  r.set("Cache-Control", "public, max-age=60");
  return open(std::move(r));
}

Response not_found(const std::string& what, const std::string& id) {
  return open(json_message(404, "not_found", "There is no " + what + " with id " + id + " in this directory"));
}

Response no_directory() {
  return open(json_message(503, "no_directory",
                           "This server has no Local Offer area to serve: start it with --local-offer-area"));
}

std::string base_url(const Ctx& ctx) {
  std::string scheme = ctx.s.secure_cookies ? "https" : "http";
  if (auto forwarded = ctx.req.header("x-forwarded-proto"); forwarded == "https" || forwarded == "http")
    scheme = std::string(forwarded);
  std::string host(ctx.req.header("host"));
  // The Host header is the client's to set: keep only what a host name may hold.
  const bool plain = !host.empty() && host.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789.-:[]") == std::string::npos;
  return scheme + "://" + (plain ? host : std::string("localhost"));
}

template <class Entries, class Json>
Response paged(const std::vector<app::Hit>& hits, const Entries& entries, Json json, std::int64_t page,
               std::int64_t per_page) {
  std::vector<std::string_view> items;
  const auto total = static_cast<std::int64_t>(hits.size());
  for (std::int64_t i = (page - 1) * per_page; i < total && i < page * per_page; ++i) {
    items.push_back(json(entries[hits[static_cast<std::size_t>(i)].index]));
  }
  return ok(interop::oruk::page({total, page, per_page}, items));
}

struct Listing {
  std::int64_t page = 1;
  std::int64_t per_page = 50;
};
// Taxonomies and terms take only page and per_page.
Result<Listing> listing(const Ctx& ctx) {
  app::DirectoryQuery q;
  app::QueryParams only;
  for (const char* key : {"page", "per_page"}) {
    if (auto v = param(ctx.query, key); !v.empty()) only[key] = v;
  }
  static const app::DirectorySnapshot empty(Directory{}, {}, 0);
  auto parsed = app::parse_oruk_query(only, empty, false);
  if (!parsed) return tl::unexpected<Error>(parsed.error());
  return Listing{parsed->page, parsed->per_page};
}

}  // namespace

Response oruk_root(Ctx& ctx) {
  return ok(nlohmann::json{
      {"version", "HSDS-UK-3.0"}, {"profile", kProfile}, {"openapi_url", base_url(ctx) + "/api/oruk/openapi.json"}}
                .dump());
}

Response oruk_openapi(Ctx&) {
  for (const auto& f : embedded_oruk_docs()) return ok(std::string(f.content));
  return open(json_message(404, "not_found", "This build has no description of the Open Referral UK API"));
}

Response oruk_services(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return no_directory();
  auto q = app::parse_oruk_query(ctx.query, *snapshot, false);
  if (!q) return open(json_error(400, q.error()));
  return paged(
      app::find_services(*snapshot, *q), snapshot->services(),
      [](const app::ServiceEntry& e) -> std::string_view { return e.list_json; }, q->page, q->per_page);
}

Response oruk_service(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return no_directory();
  auto i = snapshot->find_service(ctx.captures.at(0));
  if (!i) return not_found("service", ctx.captures.at(0));
  return ok(snapshot->services()[*i].full_json);
}

Response oruk_service_at_locations(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return no_directory();
  auto q = app::parse_oruk_query(ctx.query, *snapshot, true, &ctx.s.local_offer->postcodes());
  if (!q) return open(json_error(400, q.error()));
  return paged(
      app::find_located(*snapshot, *q), snapshot->located(),
      [](const app::LocatedEntry& e) -> std::string_view { return e.list_json; }, q->page, q->per_page);
}

Response oruk_service_at_location(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return no_directory();
  auto i = snapshot->find_located(ctx.captures.at(0));
  if (!i) return not_found("service at a location", ctx.captures.at(0));
  return ok(snapshot->located()[*i].full_json);
}

Response oruk_taxonomies(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return no_directory();
  auto l = listing(ctx);
  if (!l) return open(json_error(400, l.error()));
  std::vector<app::Hit> all;
  for (std::uint32_t i = 0; i < snapshot->taxonomy_json().size(); ++i) all.push_back({i, std::nullopt});
  return paged(
      all, snapshot->taxonomy_json(), [](const std::string& j) -> std::string_view { return j; }, l->page, l->per_page);
}

Response oruk_taxonomy(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return no_directory();
  auto i = snapshot->find_taxonomy(ctx.captures.at(0));
  if (!i) return not_found("taxonomy", ctx.captures.at(0));
  return ok(snapshot->taxonomy_json()[*i]);
}

Response oruk_taxonomy_terms(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return no_directory();
  auto l = listing(ctx);
  if (!l) return open(json_error(400, l.error()));
  std::vector<app::Hit> all;
  for (std::uint32_t i = 0; i < snapshot->term_json().size(); ++i) all.push_back({i, std::nullopt});
  return paged(
      all, snapshot->term_json(), [](const std::string& j) -> std::string_view { return j; }, l->page, l->per_page);
}

Response oruk_taxonomy_term(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return no_directory();
  auto i = snapshot->find_term(ctx.captures.at(0));
  if (!i) return not_found("taxonomy term", ctx.captures.at(0));
  return ok(snapshot->term_json()[*i]);
}

}  // namespace tandem::web::handlers
