#include "app/directory_removals.h"

#include <algorithm>

#include "app/directory_edits.h"
#include "app/form_values.h"
#include "store/directory.h"
#include "store/directory_removals.h"

namespace tandem::app {

namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::optional<ServiceRemovalView> service_removal_view(store::Database& db, const SignedIn& user,
                                                       const std::string& id) {
  std::optional<ServiceRemovalView> out;
  db.read([&](store::Tx& tx) {
    const Directory d = store::load_directory(tx, user.area_id);
    auto s = find_service(d, id);
    if (!s) return;
    ServiceRemovalView v{*s, "", store::service_references(tx, user.area_id, id)};
    for (const auto& o : d.organisations) {
      if (o.id == s->organisation_id) v.organisation = o.name;
    }
    out = std::move(v);
  });
  return out;
}

Result<void> remove_service(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                            const std::string& id, const std::string& version_text) {
  auto view = service_removal_view(db, user, id);
  if (!view) return fail("id", "There is no such service in your area's Local Offer");
  if (!view->references.empty())
    return fail("references", view->service.name + " is referred to by " + joined(view->references) +
                                  ": withdraw it instead, so that history stays");
  const auto version = parse_version(version_text, "the service");
  if (!version) return tl::unexpected(version.error());
  const bool saved = write_directory_change(
      db, clock, local_offer, user, "directory.service.remove", "service", id,
      "removed " + view->service.name + (view->organisation.empty() ? "" : ", run by " + view->organisation),
      [&](store::Tx& tx) { return store::delete_service(tx, user.area_id, id, *version); });
  if (!saved) return tl::unexpected(stale_edit("this service"));
  return {};
}

Result<std::int64_t> withdraw_service(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                      const SignedIn& user, const std::string& id, const std::string& version_text,
                                      const std::string& from_text) {
  const Directory d = area_directory(db, user);
  auto s = find_service(d, id);
  if (!s) return fail("id", "There is no such service in your area's Local Offer");
  if (s->withdrawn())
    return fail("status", s->name + " is already withdrawn: set its status to active on its page to offer it again");
  std::vector<FieldError> errors;
  const Date today = clock.today();
  const Date from = optional_date("from", from_text, errors).value_or(today);
  const Date latest = add_years(today, kMaxClosingYearsAhead);
  if (errors.empty() && from > latest)
    errors.push_back({"from", "A closing day can be set up to two years ahead, by " + format_date_long(latest)});
  if (!errors.empty()) return tl::unexpected(Error(std::move(errors)));
  const auto version = parse_version(version_text, "the service");
  if (!version) return tl::unexpected(version.error());
  Service changed = *s;
  if (from > today) {
    changed.closes_on = from;
    const std::string before = s->closes_on ? format_date(*s->closes_on) : "none";
    return save_service_parts(
        db, clock, local_offer, user, changed, *version, "directory.service.closing",
        "to close " + s->name + " on " + format_date(from) + "; closing day: " + before + " -> " + format_date(from));
  }
  const std::string before = changed.status;
  changed.status = std::string(kWithdrawnStatus);
  changed.withdrawn_on = from;
  changed.closes_on.reset();
  return save_service_parts(
      db, clock, local_offer, user, changed, *version, "directory.service.withdraw",
      "withdrew " + s->name + " from " + format_date(from) + "; status: " + before + " -> " + changed.status);
}

Result<std::int64_t> keep_service(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                  const SignedIn& user, const std::string& id, const std::string& version_text) {
  const Directory d = area_directory(db, user);
  auto s = find_service(d, id);
  if (!s) return fail("id", "There is no such service in your area's Local Offer");
  if (!s->closes_on) return fail("closes_on", s->name + " has no closing day to cancel");
  const auto version = parse_version(version_text, "the service");
  if (!version) return tl::unexpected(version.error());
  Service changed = *s;
  changed.closes_on.reset();
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.service.keep",
                            "kept " + s->name + " on offer; closing day: " + format_date(*s->closes_on) + " -> none");
}

std::optional<OrganisationRemovalView> organisation_removal_view(store::Database& db, const SignedIn& user,
                                                                 const std::string& id) {
  auto org = organisation_view(db, user, id);
  if (!org) return std::nullopt;
  OrganisationRemovalView v{*org, {}};
  db.read([&](store::Tx& tx) { v.providers = store::organisation_providers(tx, user.area_id, id); });
  return v;
}

Result<void> remove_organisation(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& id, const std::string& version_text) {
  auto view = organisation_removal_view(db, user, id);
  if (!view) return fail("id", "There is no such organisation in your area's Local Offer");
  const auto& o = view->organisation.organisation;
  if (!view->organisation.services.empty()) {
    std::vector<std::string> names;
    for (const auto& s : view->organisation.services) names.push_back(s.name);
    return fail("services", o.name + " still runs " + joined(names) +
                                ": remove those services, or move them to another organisation, first");
  }
  if (!view->providers.empty())
    return fail("providers", o.name + " is the contract provider " + joined(view->providers) +
                                 ": link that provider to another organisation first");
  const auto version = parse_version(version_text, "the organisation");
  if (!version) return tl::unexpected(version.error());
  const bool saved = write_directory_change(
      db, clock, local_offer, user, "directory.organisation.remove", "organisation", id, "removed " + o.name,
      [&](store::Tx& tx) { return store::delete_unused_organisation(tx, user.area_id, id, *version); });
  if (!saved) return tl::unexpected(stale_edit("this organisation"));
  return {};
}

std::optional<TermRemovalView> term_removal_view(store::Database& db, const SignedIn& user, const std::string& id) {
  const Directory d = area_directory(db, user);
  auto t = std::find_if(d.terms.begin(), d.terms.end(), [&](const TaxonomyTerm& x) { return x.id == id; });
  if (t == d.terms.end()) return std::nullopt;
  TermRemovalView v{*t, "", {}, {}};
  for (const auto& x : d.taxonomies) {
    if (x.id == t->taxonomy_id) v.taxonomy = x.name;
  }
  for (const auto& s : d.services) {
    if (std::find(s.term_ids.begin(), s.term_ids.end(), id) != s.term_ids.end())
      v.services.push_back({s.id, s.name, s.status});
  }
  for (const auto& x : d.terms) {
    if (x.parent_id == id) v.narrower.push_back(x);
  }
  return v;
}

Result<void> remove_term(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                         const std::string& id, const std::string& version_text) {
  auto view = term_removal_view(db, user, id);
  if (!view) return fail("id", "There is no such term in your area's Local Offer");
  const auto& t = view->term;
  std::vector<FieldError> refusals;
  if (!view->services.empty()) {
    std::vector<std::string> names;
    for (const auto& s : view->services) names.push_back(s.name);
    refusals.push_back(
        {"services", t.name + " still describes " + joined(names) + ": take it off those services first"});
  }
  if (!view->narrower.empty()) {
    std::vector<std::string> names;
    for (const auto& x : view->narrower) names.push_back(x.name);
    refusals.push_back(
        {"terms", joined(names) + " sit under " + t.name + ": remove them, or move them under another term, first"});
  }
  if (!refusals.empty()) return fail(std::move(refusals));
  const auto version = parse_version(version_text, "the term");
  if (!version) return tl::unexpected(version.error());
  const bool saved =
      write_directory_change(db, clock, local_offer, user, "directory.term.remove", "taxonomy_term", id,
                             "removed " + t.name + (view->taxonomy.empty() ? "" : " from " + view->taxonomy),
                             [&](store::Tx& tx) { return store::delete_unused_term(tx, user.area_id, id, *version); });
  if (!saved) return tl::unexpected(stale_edit("this term"));
  return {};
}

}  // namespace tandem::app
