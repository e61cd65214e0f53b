// The Local Offer for families: search and service pages, open to anyone.
// They read only the directory, never a child's record, and need no session.
#include <array>
#include <cmath>
#include <memory>
#include <mutex>

#include "app/local_offer.h"
#include "core/need.h"
#include "web/handlers.h"

namespace tandem::web::handlers {

namespace {

constexpr std::int64_t kPerPage = 20;
constexpr double kMetresPerMile = 1609.344;
constexpr std::array<std::pair<const char*, const char*>, 4> kDistances{
    {{"1", "Within 1 mile"}, {"2", "Within 2 miles"}, {"5", "Within 5 miles"}, {"10", "Within 10 miles"}}};

const char* level_colour(ServiceLevel l) {
  switch (l) {
    case ServiceLevel::universal: return "green";
    case ServiceLevel::specialist: return "blue";
    case ServiceLevel::highly_specialist: return "purple";
  }
  return "grey";
}

std::string ages(const Service& s) {
  if (!s.maximum_age) return "From age " + std::to_string(s.minimum_age);
  return "Ages " + std::to_string(s.minimum_age) + " to " + std::to_string(*s.maximum_age);
}

std::string cost_summary(const Service& s) {
  if (s.free()) return "Free";
  // Lowest of the prices in the first currency given: amounts in different currencies do not compare.
  const CostOption* lowest = nullptr;
  for (const auto& c : s.costs) {
    if (!c.amount || c.amount->value <= 0 || (lowest && c.currency != lowest->currency)) continue;
    if (!lowest || c.amount->value < lowest->amount->value) lowest = &c;
  }
  return lowest ? "From " + format_price(*lowest) : "Costs apply";
}

std::string summary(const std::string& text) {
  if (text.size() <= 160) return text;
  auto cut = text.rfind(' ', 157);
  return text.substr(0, cut == std::string::npos ? 157 : cut) + "…";
}

// Each service's search result and the filters' option lists, rendered once per
// directory snapshot and spliced into every search page: rendering them per
// request cost more than the search itself.
struct Fragments {
  std::shared_ptr<const app::DirectorySnapshot> snapshot;
  std::vector<std::pair<std::string, std::string>> rows;  // before and after the distance
  std::string needs, levels, costs, distances;
};

constexpr char kDistanceMark = '\x01';

std::string options_html(Ctx& ctx, const std::vector<std::pair<std::string, std::string>>& all) {
  mstch::array out;
  out.reserve(all.size());
  for (const auto& [value, label] : all) out.push_back(mstch::map{{"value", value}, {"label", label}});
  return ctx.s.templates.fragment("local_offer/options", mstch::map{{"options", out}});
}

std::string with_selected(std::string html, const std::string& value) {
  if (value.empty()) return html;
  const std::string key = "value=\"" + html_escape(value) + "\"";
  if (auto at = html.find(key); at != std::string::npos) html.insert(at + key.size(), " selected");
  return html;
}

std::shared_ptr<const Fragments> fragments(Ctx& ctx, const std::shared_ptr<const app::DirectorySnapshot>& snapshot) {
  static std::mutex mutex;
  static std::shared_ptr<const Fragments> cached;
  std::lock_guard lock(mutex);
  if (cached && cached->snapshot == snapshot) return cached;
  auto f = std::make_shared<Fragments>();
  f->snapshot = snapshot;
  for (const auto& e : snapshot->services()) {
    const Service& s = *e.service;
    const std::string html = ctx.s.templates.fragment(
        "local_offer/result", mstch::map{{"id", s.id},
                                         {"name", s.name},
                                         {"organisation", e.organisation ? e.organisation->name : std::string()},
                                         {"summary", summary(s.description)},
                                         {"level", std::string(service_level_label(s.level))},
                                         {"level_colour", std::string(level_colour(s.level))},
                                         {"ages", ages(s)},
                                         {"cost", cost_summary(s)},
                                         {"distance", std::string(1, kDistanceMark)},
                                         {"closed", s.status == "active" ? std::string() : s.status},
                                         {"closes", s.closes_on ? format_date_long(*s.closes_on) : std::string()}});
    const auto mark = html.find(kDistanceMark);
    f->rows.emplace_back(html.substr(0, mark), html.substr(mark + 1));
  }
  std::vector<std::pair<std::string, std::string>> needs{{"", "Any need"}};
  for (const auto& t : snapshot->directory().terms) {
    if (snapshot->need_term(t.code) == &t) needs.emplace_back(t.code, t.name);
  }
  std::vector<std::pair<std::string, std::string>> levels{{"", "Any level"}};
  for (auto l : all_service_levels()) levels.emplace_back(std::string(to_string(l)), service_level_label(l));
  std::vector<std::pair<std::string, std::string>> distances{{"", "Any distance"}};
  for (const auto& [v, label] : kDistances) distances.emplace_back(v, label);
  f->needs = options_html(ctx, needs);
  f->levels = options_html(ctx, levels);
  f->costs = options_html(ctx, {{"", "Free or paid"}, {"free", "Free"}, {"paid", "Paid"}});
  f->distances = options_html(ctx, distances);
  cached = f;
  return f;
}

std::string day_names(const std::string& byday) {
  static constexpr std::array<std::pair<const char*, const char*>, 7> kNames{{{"MO", "Mondays"},
                                                                              {"TU", "Tuesdays"},
                                                                              {"WE", "Wednesdays"},
                                                                              {"TH", "Thursdays"},
                                                                              {"FR", "Fridays"},
                                                                              {"SA", "Saturdays"},
                                                                              {"SU", "Sundays"}}};
  if (byday == "MO,TU,WE,TH,FR") return "Monday to Friday";
  std::vector<std::string> names;
  for (const auto& [code, name] : kNames) {
    if (byday.find(code) != std::string::npos) names.emplace_back(name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  }
  return out;
}

// The page around a search, for visitors who are not signed in: the layout
// rendered once, split where the per-request CSP nonce and the content go.
struct Shell {
  std::vector<std::string> parts;  // joined by the nonce or the content, as `marks` says
  std::string marks;               // one character per gap: 'n' nonce, 'c' content
};

constexpr char kNonceMark = '\x03';
constexpr char kContentMark = '\x04';

const Shell& anonymous_shell(Ctx& ctx) {
  static const Shell shell = [&] {
    Ctx blank{ctx.req, ctx.s, std::nullopt, false, {}, {}, {}, std::string(1, kNonceMark)};
    const Response r =
        page(blank, 200, "local_offer/raw", "Local Offer", mstch::map{{"html", std::string(1, kContentMark)}});
    Shell out;
    std::string part;
    for (char c : r.body) {
      if (c == kNonceMark || c == kContentMark) {
        out.parts.push_back(std::move(part));
        part.clear();
        out.marks.push_back(c == kNonceMark ? 'n' : 'c');
      } else {
        part.push_back(c);
      }
    }
    out.parts.push_back(std::move(part));
    return out;
  }();
  return shell;
}

Response search_page(Ctx& ctx, mstch::map view) {
  if (ctx.user) return page(ctx, 200, "local_offer/search", "Local Offer", std::move(view));
  const Shell& shell = anonymous_shell(ctx);
  const std::string content = ctx.s.templates.fragment("local_offer/search", view);
  Response r;
  r.set("Content-Type", "text/html; charset=utf-8");
  r.body.reserve(content.size() + 8192);
  for (std::size_t i = 0; i < shell.parts.size(); ++i) {
    r.body += shell.parts[i];
    if (i < shell.marks.size()) r.body += shell.marks[i] == 'n' ? ctx.csp_nonce : content;
  }
  return r;
}

Response unavailable(Ctx& ctx) {
  return error_page(ctx, 503, "The Local Offer is not available",
                    "This server has no Local Offer to show yet. Please try again later.");
}

// A family following an old link or bookmark learns the service has closed
// (410: it will not come back at this address) and where to look instead.
Response withdrawn_page(Ctx& ctx, const app::ServiceEntry& e) {
  const Service& s = *e.service;
  mstch::array needs;
  for (const auto* t : e.needs) needs.push_back(mstch::map{{"code", t->code}, {"name", t->name}});
  return page(ctx, 410, "local_offer/withdrawn", s.name + " is no longer offered",
              mstch::map{{"name", s.name},
                         {"organisation", e.organisation ? e.organisation->name : std::string()},
                         {"closed_on", s.withdrawn_on ? format_date_long(*s.withdrawn_on) : std::string()},
                         {"needs", needs}});
}

}  // namespace

Response local_offer_search(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return unavailable(ctx);
  const std::string q = param(ctx.query, "q"), need = param(ctx.query, "need"), age = param(ctx.query, "age"),
                    level = param(ctx.query, "level"), cost = param(ctx.query, "cost"),
                    postcode = param(ctx.query, "postcode"), distance = param(ctx.query, "distance");
  app::DirectoryQuery query;
  std::vector<FieldError> errors;
  app::QueryParams words{{"search", q}};
  query.words = app::parse_oruk_query(words, *snapshot, false)->words;
  if (!need.empty()) {
    // An unknown need (an old link) matches nothing rather than everything.
    const auto* term = snapshot->need_term(need);
    query.term_id = term ? term->id : "none";
  }
  if (!age.empty()) {
    int years = -1;
    try {
      std::size_t used = 0;
      years = std::stoi(age, &used);
      if (used != age.size()) years = -1;
    } catch (const std::exception&) {
      years = -1;
    }
    if (years < 0 || years > 25)
      errors.push_back({"age", "Enter an age in whole years from 0 to 25, like 7"});
    else
      query.age = years;
  }
  // The lists offer only these; anything else (an edited or old link) is named
  // rather than quietly widening the search to every level or cost.
  if (auto l = parse_service_level(level))
    query.level = *l;
  else if (!level.empty())
    errors.push_back(
        {"level", "Choose a level of support from the list: any level, universal, specialist or highly specialist"});
  if (cost == "free")
    query.free = true;
  else if (cost == "paid")
    query.free = false;
  else if (!cost.empty())
    errors.push_back({"cost", "Choose a cost from the list: free, paid, or free or paid"});
  if (!postcode.empty()) {
    auto centre = app::postcode_centre("postcode", postcode, *snapshot, &ctx.s.local_offer->postcodes());
    if (centre) {
      query.near = *centre;
    } else if (postcode_district(postcode).empty()) {
      errors.push_back({"postcode", "Enter a postcode like QS4 7RW, or the first part of it, like QS4"});
    } else {
      errors.push_back({"postcode", "Enter a postcode in the area this Local Offer covers"});
    }
  }
  if (!distance.empty()) {
    const bool known = std::any_of(kDistances.begin(), kDistances.end(), [&](auto& d) { return distance == d.first; });
    if (!known)
      errors.push_back({"distance", "Choose a distance from the list"});
    else if (postcode.empty())
      errors.push_back({"distance", "Enter a postcode to search by distance"});
    else
      query.within_metres = std::stod(distance) * kMetresPerMile;
  }
  std::int64_t page_number = 1;
  try {
    page_number = std::max<std::int64_t>(1, std::stoll(param(ctx.query, "page")));
  } catch (const std::exception&) {
    page_number = 1;
  }

  const auto f = fragments(ctx, snapshot);
  mstch::map view{
      {"area_name", snapshot->area_name()},
      {"q", q},
      {"age", age},
      {"postcode", postcode},
      {"example_postcode",
       snapshot->districts().empty() ? std::string("QS4 7RW") : snapshot->districts().begin()->first + " 7RW"},
      {"need_options", with_selected(f->needs, need)},
      {"level_options", with_selected(f->levels, level)},
      {"cost_options", with_selected(f->costs, cost)},
      {"distance_options", with_selected(f->distances, distance)},
      {"searched", !ctx.req.query.empty()},
  };
  if (!errors.empty()) {
    const Error error(std::move(errors));
    view["has_rows"] = false;
    return page(ctx, 400, "local_offer/search", "Local Offer", std::move(view), "", &error);
  }
  const auto hits = app::find_services(*snapshot, query);
  const auto total = static_cast<std::int64_t>(hits.size());
  const std::int64_t pages = std::max<std::int64_t>(1, (total + kPerPage - 1) / kPerPage);
  page_number = std::min(page_number, pages);
  std::string rows;
  for (std::int64_t i = (page_number - 1) * kPerPage; i < total && i < page_number * kPerPage; ++i) {
    const auto& hit = hits[static_cast<std::size_t>(i)];
    const auto& [before, after] = f->rows[hit.index];
    rows += before;
    if (hit.metres) {
      char buf[48];
      std::snprintf(buf, sizeof buf, " %.1f miles away.", *hit.metres / kMetresPerMile);
      rows += buf;
    } else if (query.near) {
      rows += " Comes to you.";
    }
    rows += after;
  }
  view["rows_html"] = rows;
  view["has_rows"] = total > 0;
  view["total"] = std::to_string(total);
  view["first"] = std::to_string((page_number - 1) * kPerPage + 1);
  view["last"] = std::to_string(std::min(total, page_number * kPerPage));
  if (pages > 1) {
    // Keep every filter in the page links; only the page changes.
    std::string keep;
    for (const auto& [k, v] : ctx.query) {
      if (k != "page" && !v.empty()) keep += percent_encode(k) + "=" + percent_encode(v) + "&";
    }
    mstch::map pager{{"page", std::to_string(page_number)}, {"pages", std::to_string(pages)}};
    if (page_number > 1) pager["previous"] = "/local-offer?" + keep + "page=" + std::to_string(page_number - 1);
    if (page_number < pages) pager["next"] = "/local-offer?" + keep + "page=" + std::to_string(page_number + 1);
    view["pager"] = pager;
  }
  return search_page(ctx, std::move(view));
}

Response local_offer_service(Ctx& ctx) {
  auto snapshot = ctx.s.local_offer->snapshot();
  if (!snapshot) return unavailable(ctx);
  auto i = snapshot->find_service(ctx.captures.at(0));
  if (!i) {
    return error_page(ctx, 404, "Page not found",
                      "There is no such service in the Local Offer. It may have closed; search the Local Offer "
                      "for others like it.");
  }
  const auto& e = snapshot->services()[*i];
  const Service& s = *e.service;
  if (s.withdrawn()) return withdrawn_page(ctx, e);
  mstch::array needs, locations, schedules, contacts, costs;
  for (const auto* t : e.needs) needs.push_back(t->name);
  std::string types;
  for (const auto* t : e.types) types += (types.empty() ? "" : ", ") + t->name;
  for (const auto& sal : s.locations) {
    const auto* l = snapshot->index().location(sal.location_id);
    if (!l) continue;
    locations.push_back(mstch::map{{"name", l->name},
                                   {"address", l->address_1},
                                   {"address_2", l->address_2},
                                   {"city", l->city},
                                   {"postcode", l->postcode},
                                   {"accessibility", l->accessibility}});
  }
  for (const auto& sc : s.schedules) {
    std::string where;
    for (const auto& sal : s.locations) {
      if (sal.id != sc.service_at_location_id) continue;
      if (const auto* l = snapshot->index().location(sal.location_id)) where = l->name;
    }
    std::string dates;
    if (sc.valid_from) dates = "from " + format_date_long(*sc.valid_from);
    if (sc.valid_to) dates += (dates.empty() ? "" : " ") + std::string("until ") + format_date_long(*sc.valid_to);
    schedules.push_back(mstch::map{{"days", day_names(sc.byday)},
                                   {"opens", sc.opens_at},
                                   {"closes", sc.closes_at},
                                   {"where", where},
                                   {"dates", dates},
                                   {"note", sc.description}});
  }
  for (const auto& c : s.contacts) {
    contacts.push_back(mstch::map{{"name", c.name}, {"title", c.title}, {"email", c.email}, {"phone", c.phone}});
  }
  for (const auto& c : s.costs) {
    costs.push_back(mstch::map{{"option", c.option}, {"amount", format_price(c)}, {"note", c.amount_description}});
  }
  mstch::map view{{"id", s.id},
                  {"name", s.name},
                  {"organisation", e.organisation ? e.organisation->name : std::string()},
                  {"closed", s.status == "active" ? std::string() : s.status},
                  {"closes", s.closes_on ? format_date_long(*s.closes_on) : std::string()},
                  {"level", std::string(service_level_label(s.level))},
                  {"level_colour", std::string(level_colour(s.level))},
                  {"description", s.description},
                  {"ages", ages(s)},
                  {"needs", needs},
                  {"has_needs", !e.needs.empty()},
                  {"types", types},
                  {"how_to_access", s.how_to_access},
                  {"locations", locations},
                  {"has_locations", !s.locations.empty()},
                  {"schedules", schedules},
                  {"has_schedules", !s.schedules.empty()},
                  {"contacts", contacts},
                  {"costs", costs},
                  {"url", s.url},
                  {"last_checked", format_date_long(s.last_checked_on)},
                  {"overdue", s.review_due_on < ctx.s.clock.today()}};
  return page(ctx, 200, "local_offer/service", s.name, std::move(view));
}

}  // namespace tandem::web::handlers
