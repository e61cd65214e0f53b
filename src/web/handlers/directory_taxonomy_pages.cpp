// Staff pages and API for the Local Offer's taxonomies: their terms, the
// forms that add and change a term, and the terms attached to a service.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/directory_taxonomy.h"
#include "web/handlers.h"
#include "web/handlers/directory_fields.h"
#include "web/json_body.h"

namespace tandem::web::handlers {

using nlohmann::json;

namespace {

constexpr FormField kFields[] = {
    {"code", "Code", "Unique in this taxonomy, without spaces, like SLCN", "input", "govuk-input--width-10"},
    {"name", "Name", "As families will read it", "input", ""},
    {"description", "Description", "Optional", "textarea", ""},
    {"parent_id", "Broader term", "The term this one sits under, if any", "select", ""},
};

app::TermForm read_form(const Params& p) {
  return {param(p, "code"), param(p, "name"), param(p, "description"), param(p, "parent_id"), param(p, "version")};
}

// Depth shown as dashes, since a table row cannot nest.
std::string indent(int depth) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += "\u2014 ";
  return out;
}

Response form_page(Ctx& ctx, int status, const app::TaxonomyView& taxonomy, const std::string& term_id,
                   const app::TermForm& form, const Error* errors) {
  const bool adding = term_id.empty();
  FieldValues values;
  values.text = {
      {"code", form.code}, {"name", form.name}, {"description", form.description}, {"parent_id", form.parent_id}};
  Choices parents{{"", "None: a top-level term"}};
  for (std::size_t i = 0; i < taxonomy.terms.size(); ++i) {
    if (taxonomy.terms[i].id != term_id)
      parents.emplace_back(taxonomy.terms[i].id, indent(taxonomy.depths[i]) + taxonomy.terms[i].name);
  }
  values.choices["parent_id"] = parents;
  mstch::map v{{"back_href", std::string("/directory/taxonomies")},
               {"back_text", std::string("Back to taxonomies and terms")},
               {"caption", taxonomy.taxonomy.name},
               {"heading", adding ? std::string("Add a term") : "Change " + form.name},
               {"action", adding ? "/directory/taxonomies/" + taxonomy.taxonomy.id + "/terms"
                                 : "/directory/terms/" + term_id + "/edit"},
               {"version", adding ? std::string("0") : form.version},
               {"fields", form_fields(kFields, values, errors)},
               {"saved", param(ctx.query, "saved") == "1" ? std::string("The term has been saved") : std::string()},
               {"remove_href", adding ? std::string() : "/directory/terms/" + term_id + "/remove"},
               {"remove_text", std::string("Remove this term from the taxonomy")}};
  return page(ctx, status, "directory/record", adding ? std::string("Add a term") : "Change a term", std::move(v),
              "directory", errors);
}

mstch::array term_rows(const app::TaxonomyView& t, const std::vector<std::string>& ticked) {
  mstch::array out;
  for (std::size_t i = 0; i < t.terms.size(); ++i) {
    const auto& term = t.terms[i];
    out.push_back(mstch::map{{"term_id", term.id},
                             {"term_name", term.name},
                             {"code", term.code},
                             {"indent", indent(t.depths[i])},
                             {"services", std::to_string(t.services[i])},
                             {"checked", std::find(ticked.begin(), ticked.end(), term.id) != ticked.end()}});
  }
  return out;
}

json term_json(const TaxonomyTerm& t) {
  return {{"id", t.id},
          {"taxonomy_id", t.taxonomy_id},
          {"code", t.code},
          {"name", t.name},
          {"description", t.description},
          {"parent_id", t.parent_id.empty() ? json(nullptr) : json(t.parent_id)},
          {"version", t.version}};
}

json taxonomy_json(const app::TaxonomyView& v) {
  json terms = json::array();
  for (const auto& t : v.terms) terms.push_back(term_json(t));
  return {{"id", v.taxonomy.id}, {"name", v.taxonomy.name}, {"description", v.taxonomy.description}, {"terms", terms}};
}

json service_terms_json(const app::ServiceTermsView& v) {
  return {{"service_id", v.service.id}, {"version", v.service.version}, {"term_ids", v.service.term_ids}};
}

// The term with this id and its taxonomy's name.
std::optional<std::pair<TaxonomyTerm, std::string>> attached_term(const app::ServiceTermsView& view,
                                                                  const std::string& id) {
  for (const auto& t : view.taxonomies) {
    for (const auto& term : t.terms) {
      if (term.id == id) return std::pair{term, t.taxonomy.name};
    }
  }
  return std::nullopt;
}

Response service_terms_page(Ctx& ctx, int status, const app::ServiceTermsView& view,
                            const std::vector<std::string>& ticked, const std::string& version, const Error* errors) {
  mstch::array attached;
  for (const auto& id : view.service.term_ids) {
    if (auto t = attached_term(view, id))
      attached.push_back(mstch::map{{"term_id", id}, {"term_name", t->first.name}, {"taxonomy_name", t->second}});
  }
  mstch::array taxonomies;
  for (const auto& t : view.taxonomies) {
    taxonomies.push_back(mstch::map{{"taxonomy_name", t.taxonomy.name}, {"terms", term_rows(t, ticked)}});
  }
  mstch::map v{{"id", view.service.id},
               {"name", view.service.name},
               {"version", version},
               {"taxonomies", taxonomies},
               {"attached", attached},
               {"has_attached", !attached.empty()},
               {"has_error", errors != nullptr},
               {"term_error", errors ? errors->first_message() : std::string()},
               {"saved", param(ctx.query, "saved") == "1"},
               {"removed", param(ctx.query, "saved") == "removed"}};
  return page(ctx, status, "directory/service_terms", "Terms: " + view.service.name, std::move(v), "directory", errors);
}

Response term_confirm_page(Ctx& ctx, int status, const app::ServiceTermsView& view, const TaxonomyTerm& term,
                           const std::string& taxonomy_name, const Error* errors) {
  const std::string base = "/directory/services/" + view.service.id + "/terms";
  RemovalPage p;
  p.title = "Take a term off a service";
  p.back_href = base;
  p.back_text = "Back to the terms";
  p.caption = view.service.name;
  p.heading = "Take this term off the service?";
  p.action = base + "/" + term.id + "/remove";
  p.version = std::to_string(view.service.version);
  p.button = "Take the term off";
  p.consequence =
      "Families searching by this term will no longer find the service. The term stays in its taxonomy for other "
      "services.";
  p.rows = {{"Term", term.name}, {"Taxonomy", taxonomy_name}, {"Code", term.code}};
  return removal_page(ctx, status, p, errors);
}

}  // namespace

Response directory_service_term_remove_form(Ctx& ctx) {
  auto view = app::service_terms(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
  const auto& ids = view->service.term_ids;
  auto t = attached_term(*view, ctx.captures.at(1));
  if (!t || std::find(ids.begin(), ids.end(), t->first.id) == ids.end())
    return error_page(ctx, 404, "Page not found", "This term does not describe the service.");
  return term_confirm_page(ctx, 200, *view, t->first, t->second, nullptr);
}

Response directory_service_term_remove(Ctx& ctx) {
  auto view = app::service_terms(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
  auto saved = app::remove_service_term(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id,
                                        ctx.captures.at(1), param(ctx.form, "version"));
  if (!saved) {
    auto t = attached_term(*view, ctx.captures.at(1));
    if (saved.error().first_field() == "id" || !t)
      return error_page(ctx, 404, "Page not found", saved.error().first_message());
    return term_confirm_page(ctx, status_for(saved.error()), *view, t->first, t->second, &saved.error());
  }
  return redirect("/directory/services/" + view->service.id + "/terms?saved=removed");
}

Response api_directory_service_term_remove(Ctx& ctx) {
  const std::string id = ctx.captures.at(0);
  auto saved = app::remove_service_term(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, ctx.captures.at(1),
                                        param(ctx.query, "version"));
  if (!saved) return api_failure(saved.error());
  return json_response(200, service_terms_json(*app::service_terms(ctx.s.db, ctx.me(), id)).dump());
}

Response directory_taxonomies(Ctx& ctx) {
  mstch::array taxonomies;
  for (const auto& t : app::taxonomies_list(ctx.s.db, ctx.me())) {
    taxonomies.push_back(mstch::map{{"id", t.taxonomy.id},
                                    {"name", t.taxonomy.name},
                                    {"description", t.taxonomy.description},
                                    {"terms", term_rows(t, {})}});
  }
  return page(ctx, 200, "directory/taxonomies", "Taxonomies and terms",
              mstch::map{{"taxonomies", taxonomies},
                         {"saved", param(ctx.query, "saved") == "1"         ? std::string("The term has been saved")
                                   : param(ctx.query, "saved") == "removed" ? std::string("The term has been removed")
                                                                            : std::string()}},
              "directory");
}

Response directory_term_new_form(Ctx& ctx) {
  auto taxonomy = app::taxonomy_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!taxonomy) return error_page(ctx, 404, "Page not found", "There is no such taxonomy in your area's Local Offer.");
  return form_page(ctx, 200, *taxonomy, "", app::TermForm{}, nullptr);
}

Response directory_term_create(Ctx& ctx) {
  auto taxonomy = app::taxonomy_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!taxonomy) return error_page(ctx, 404, "Page not found", "There is no such taxonomy in your area's Local Offer.");
  const auto form = read_form(ctx.form);
  auto id = app::create_term(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), taxonomy->taxonomy.id, form);
  if (!id) return form_page(ctx, 400, *taxonomy, "", form, &id.error());
  return redirect("/directory/taxonomies?saved=1#taxonomy-" + taxonomy->taxonomy.id);
}

Response directory_term_edit_form(Ctx& ctx) {
  auto view = app::term_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such term in your area's Local Offer.");
  return form_page(ctx, 200, view->taxonomy, view->term.id, app::term_form(view->term), nullptr);
}

Response directory_term_update(Ctx& ctx) {
  auto view = app::term_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such term in your area's Local Offer.");
  const auto form = read_form(ctx.form);
  auto saved = app::update_term(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->term.id, form);
  if (!saved) return form_page(ctx, status_for(saved.error()), view->taxonomy, view->term.id, form, &saved.error());
  return redirect("/directory/terms/" + view->term.id + "/edit?saved=1");
}

Response directory_service_terms(Ctx& ctx) {
  auto view = app::service_terms(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
  return service_terms_page(ctx, 200, *view, view->service.term_ids, std::to_string(view->service.version), nullptr);
}

Response directory_service_terms_save(Ctx& ctx) {
  auto view = app::service_terms(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return error_page(ctx, 404, "Page not found", "There is no such service in your area's Local Offer.");
  const auto ticked = all_values(ctx.req.body, "term_ids");
  const std::string version = param(ctx.form, "version");
  auto saved =
      app::set_service_terms(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), view->service.id, ticked, version);
  if (!saved) return service_terms_page(ctx, status_for(saved.error()), *view, ticked, version, &saved.error());
  return redirect("/directory/services/" + view->service.id + "/terms?saved=1");
}

Response api_directory_taxonomies(Ctx& ctx) {
  json items = json::array();
  for (const auto& t : app::taxonomies_list(ctx.s.db, ctx.me())) items.push_back(taxonomy_json(t));
  return json_response(200, json{{"taxonomies", items}}.dump());
}

Response api_directory_term_create(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  auto id = app::create_term(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), ctx.captures.at(0), read_form(*p));
  if (!id) {
    if (id.error().first_field() == "taxonomy_id") return json_message(404, "not_found", id.error().first_message());
    return api_failure(id.error());
  }
  return json_response(201, term_json(app::term_view(ctx.s.db, ctx.me(), *id)->term).dump());
}

Response api_directory_term(Ctx& ctx) {
  auto view = app::term_view(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return json_message(404, "not_found", "There is no such term in your area's Local Offer.");
  return json_response(200, term_json(view->term).dump());
}

Response api_directory_term_update(Ctx& ctx) {
  auto p = json_body_params(ctx.req.body);
  if (!p) return json_error(400, Error("body", "The request body must be a JSON object"));
  const std::string id = ctx.captures.at(0);
  auto saved = app::update_term(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, read_form(*p));
  if (!saved) return api_failure(saved.error());
  return json_response(200, term_json(app::term_view(ctx.s.db, ctx.me(), id)->term).dump());
}

Response api_directory_service_terms(Ctx& ctx) {
  auto view = app::service_terms(ctx.s.db, ctx.me(), ctx.captures.at(0));
  if (!view) return json_message(404, "not_found", "There is no such service in your area's Local Offer.");
  return json_response(200, service_terms_json(*view).dump());
}

Response api_directory_service_terms_save(Ctx& ctx) {
  const auto doc = json::parse(ctx.req.body, nullptr, false);
  if (!doc.is_object()) return json_error(400, Error("body", "The request body must be a JSON object"));
  std::vector<std::string> ids;
  if (doc.contains("term_ids")) {
    if (!doc["term_ids"].is_array()) return json_error(400, Error("term_ids", "term_ids must be an array of term ids"));
    for (const auto& t : doc["term_ids"]) {
      if (!t.is_string()) return json_error(400, Error("term_ids", "term_ids must be an array of term ids"));
      ids.push_back(t.get<std::string>());
    }
  }
  const std::string version =
      doc.contains("version") ? (doc["version"].is_string() ? doc["version"].get<std::string>() : doc["version"].dump())
                              : std::string();
  const std::string id = ctx.captures.at(0);
  auto saved = app::set_service_terms(ctx.s.db, ctx.s.clock, ctx.s.local_offer, ctx.me(), id, ids, version);
  if (!saved) return api_failure(saved.error());
  return json_response(200, service_terms_json(*app::service_terms(ctx.s.db, ctx.me(), id)).dump());
}

}  // namespace tandem::web::handlers
