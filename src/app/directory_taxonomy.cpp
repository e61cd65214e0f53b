#include "app/directory_taxonomy.h"

#include <algorithm>
#include <functional>

#include "app/crypto.h"
#include "app/directory_edits.h"
#include "app/form_values.h"
#include "core/directory_checks.h"
#include "store/directory.h"

namespace tandem::app {

namespace {

// The taxonomy's terms as a tree, depth first, each level by name.
TaxonomyView view_of(const Directory& d, const Taxonomy& t) {
  TaxonomyView v{t, {}, {}, {}};
  std::vector<const TaxonomyTerm*> mine;
  for (const auto& term : d.terms) {
    if (term.taxonomy_id == t.id) mine.push_back(&term);
  }
  std::sort(mine.begin(), mine.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  auto known = [&](const std::string& id) {
    return std::any_of(mine.begin(), mine.end(), [&](const auto* x) { return x->id == id; });
  };
  std::function<void(const std::string&, int)> walk = [&](const std::string& parent, int depth) {
    for (const auto* term : mine) {
      const bool top = term->parent_id.empty() || !known(term->parent_id);
      if ((parent.empty() && top) || (!parent.empty() && term->parent_id == parent)) {
        if (std::any_of(v.terms.begin(), v.terms.end(), [&](const auto& x) { return x.id == term->id; })) continue;
        v.terms.push_back(*term);
        v.depths.push_back(depth);
        walk(term->id, depth + 1);
      }
    }
  };
  walk("", 0);
  for (const auto& term : v.terms) {
    v.services.push_back(static_cast<int>(std::count_if(d.services.begin(), d.services.end(), [&](const Service& s) {
      return std::find(s.term_ids.begin(), s.term_ids.end(), term.id) != s.term_ids.end();
    })));
  }
  return v;
}

void apply(TaxonomyTerm& t, const TermForm& f) {
  t.code = trimmed(f.code);
  t.name = trimmed(f.name);
  t.description = trimmed(f.description);
  t.parent_id = f.parent_id;
}

std::string term_name(const Directory& d, const std::string& id) {
  for (const auto& t : d.terms) {
    if (t.id == id) return t.name;
  }
  return id;
}

}  // namespace

std::vector<TaxonomyView> taxonomies_list(store::Database& db, const SignedIn& user) {
  const Directory d = area_directory(db, user);
  std::vector<TaxonomyView> out;
  for (const auto& t : d.taxonomies) out.push_back(view_of(d, t));
  return out;
}

std::optional<TaxonomyView> taxonomy_view(store::Database& db, const SignedIn& user, const std::string& taxonomy_id) {
  const Directory d = area_directory(db, user);
  for (const auto& t : d.taxonomies) {
    if (t.id == taxonomy_id) return view_of(d, t);
  }
  return std::nullopt;
}

std::optional<TermView> term_view(store::Database& db, const SignedIn& user, const std::string& term_id) {
  const Directory d = area_directory(db, user);
  for (const auto& term : d.terms) {
    if (term.id != term_id) continue;
    for (const auto& t : d.taxonomies) {
      if (t.id == term.taxonomy_id) return TermView{term, view_of(d, t)};
    }
  }
  return std::nullopt;
}

TermForm term_form(const TaxonomyTerm& t) {
  return {t.code, t.name, t.description, t.parent_id, std::to_string(t.version)};
}

Result<std::string> create_term(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                const std::string& taxonomy_id, const TermForm& form) {
  const Directory d = area_directory(db, user);
  auto tax =
      std::find_if(d.taxonomies.begin(), d.taxonomies.end(), [&](const Taxonomy& t) { return t.id == taxonomy_id; });
  if (tax == d.taxonomies.end()) return fail("taxonomy_id", "There is no such taxonomy in your area's Local Offer");
  TaxonomyTerm t;
  t.id = new_uuid();
  t.taxonomy_id = taxonomy_id;
  apply(t, form);
  if (auto ok = check_taxonomy_term(t, d.terms); !ok) return tl::unexpected(ok.error());
  std::string detail = tax->name + ": " + t.code + " " + t.name;
  if (!t.parent_id.empty()) detail += " under " + term_name(d, t.parent_id);
  write_directory_change(db, clock, local_offer, user, "directory.term.add", "taxonomy_term", t.id, detail,
                         [&](store::Tx& tx) {
                           store::insert_taxonomy_term(tx, user.area_id, t);
                           return true;
                         });
  return t.id;
}

Result<std::int64_t> update_term(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& term_id, const TermForm& form) {
  const Directory d = area_directory(db, user);
  auto found = std::find_if(d.terms.begin(), d.terms.end(), [&](const TaxonomyTerm& t) { return t.id == term_id; });
  if (found == d.terms.end()) return fail("id", "There is no such taxonomy term in your area's Local Offer");
  const TaxonomyTerm before = *found;
  TaxonomyTerm t = before;
  apply(t, form);
  std::vector<FieldError> errors;
  if (auto ok = check_taxonomy_term(t, d.terms); !ok) errors = ok.error().fields;
  const auto version = parse_version(form.version, "the term");
  if (!version) errors.push_back(version.error().fields.front());
  if (!errors.empty()) return fail(std::move(errors));
  t.version = *version + 1;
  std::string detail;
  note_change(detail, "code", before.code, t.code);
  note_change(detail, "name", before.name, t.name);
  note_change(detail, "description", before.description, t.description);
  note_change(detail, "broader term", before.parent_id.empty() ? "" : term_name(d, before.parent_id),
              t.parent_id.empty() ? "" : term_name(d, t.parent_id));
  const bool saved =
      write_directory_change(db, clock, local_offer, user, "directory.term.update", "taxonomy_term", t.id, detail,
                             [&](store::Tx& tx) { return store::update_taxonomy_term(tx, user.area_id, t, *version); });
  if (!saved) return tl::unexpected(stale_edit("this term"));
  return t.version;
}

std::optional<ServiceTermsView> service_terms(store::Database& db, const SignedIn& user,
                                              const std::string& service_id) {
  const Directory d = area_directory(db, user);
  for (const auto& s : d.services) {
    if (s.id != service_id) continue;
    ServiceTermsView v{s, {}};
    for (const auto& t : d.taxonomies) v.taxonomies.push_back(view_of(d, t));
    return v;
  }
  return std::nullopt;
}

Result<std::int64_t> set_service_terms(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                       const SignedIn& user, const std::string& service_id,
                                       const std::vector<std::string>& term_ids, const std::string& version_text) {
  const Directory d = area_directory(db, user);
  auto s = std::find_if(d.services.begin(), d.services.end(), [&](const Service& x) { return x.id == service_id; });
  if (s == d.services.end()) return fail("id", "There is no such service in your area's Local Offer");
  std::vector<FieldError> errors;
  for (const auto& id : term_ids) {
    if (std::none_of(d.terms.begin(), d.terms.end(), [&](const TaxonomyTerm& t) { return t.id == id; })) {
      errors.push_back({"term_ids", "Choose terms from the lists"});
      break;
    }
  }
  const auto version = parse_version(version_text, "the service");
  if (!version) errors.push_back(version.error().fields.front());
  if (!errors.empty()) return fail(std::move(errors));
  Service changed = *s;
  changed.term_ids = term_ids;
  std::sort(changed.term_ids.begin(), changed.term_ids.end());
  changed.term_ids.erase(std::unique(changed.term_ids.begin(), changed.term_ids.end()), changed.term_ids.end());
  std::string added, removed;
  for (const auto& id : changed.term_ids) {
    if (std::find(s->term_ids.begin(), s->term_ids.end(), id) == s->term_ids.end())
      added += (added.empty() ? "" : ", ") + term_name(d, id);
  }
  for (const auto& id : s->term_ids) {
    if (std::find(changed.term_ids.begin(), changed.term_ids.end(), id) == changed.term_ids.end())
      removed += (removed.empty() ? "" : ", ") + term_name(d, id);
  }
  std::string detail = s->name;
  if (!added.empty()) detail += "; attached: " + added;
  if (!removed.empty()) detail += "; detached: " + removed;
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.service.terms", detail);
}

Result<std::int64_t> remove_service_term(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                         const SignedIn& user, const std::string& service_id,
                                         const std::string& term_id, const std::string& version_text) {
  const Directory d = area_directory(db, user);
  auto s = find_service(d, service_id);
  if (!s) return fail("id", "There is no such service in your area's Local Offer");
  Service changed = *s;
  if (std::erase(changed.term_ids, term_id) == 0) return fail("id", "This term does not describe the service");
  const auto version = parse_version(version_text, "the service");
  if (!version) return tl::unexpected(version.error());
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.service_term.remove",
                            s->name + "; detached: " + term_name(d, term_id));
}

}  // namespace tandem::app
