#include "app/directory_organisations.h"

#include <algorithm>
#include <cctype>

#include "app/crypto.h"
#include "app/directory_edits.h"
#include "app/form_values.h"
#include "core/directory_checks.h"
#include "store/directory.h"

namespace tandem::app {

namespace {

std::string identifier(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::toupper(c)));
  }
  return out;
}

void apply(Organisation& o, const OrganisationForm& f) {
  o.name = trimmed(f.name);
  o.description = trimmed(f.description);
  o.website = trimmed(f.website);
  o.email = trimmed(f.email);
  o.logo = trimmed(f.logo);
  o.charity_number = identifier(f.charity_number);
  o.company_number = identifier(f.company_number);
}

std::vector<OrganisationView> views(const Directory& d) {
  std::vector<OrganisationView> out;
  for (const auto& o : d.organisations) {
    OrganisationView v{o, {}};
    for (const auto& s : d.services) {
      if (s.organisation_id == o.id) v.services.push_back({s.id, s.name, s.status});
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

std::vector<OrganisationView> organisations_list(store::Database& db, const SignedIn& user) {
  return views(area_directory(db, user));
}

std::optional<OrganisationView> organisation_view(store::Database& db, const SignedIn& user, const std::string& id) {
  for (auto& v : organisations_list(db, user)) {
    if (v.organisation.id == id) return v;
  }
  return std::nullopt;
}

OrganisationForm organisation_form(const Organisation& o) {
  return {o.name, o.description,    o.website,        o.email,
          o.logo, o.charity_number, o.company_number, std::to_string(o.version)};
}

Result<std::string> create_organisation(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                        const SignedIn& user, const OrganisationForm& form) {
  Organisation o;
  o.id = new_uuid();
  apply(o, form);
  if (auto ok = check_organisation(o); !ok) return tl::unexpected(ok.error());
  write_directory_change(db, clock, local_offer, user, "directory.organisation.add", "organisation", o.id, o.name,
                         [&](store::Tx& tx) {
                           store::insert_organisation(tx, user.area_id, o, clock.now_micros());
                           return true;
                         });
  return o.id;
}

Result<std::int64_t> update_organisation(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                         const SignedIn& user, const std::string& id, const OrganisationForm& form) {
  auto view = organisation_view(db, user, id);
  if (!view) return fail("id", "There is no such organisation in your area's Local Offer");
  const Organisation before = view->organisation;
  Organisation o = before;
  apply(o, form);
  std::vector<FieldError> errors;
  if (auto ok = check_organisation(o); !ok) errors = ok.error().fields;
  const auto version = parse_version(form.version, "the organisation");
  if (!version) errors.push_back(version.error().fields.front());
  if (!errors.empty()) return fail(std::move(errors));
  o.version = *version + 1;
  std::string detail;
  note_change(detail, "name", before.name, o.name);
  note_change(detail, "description", before.description, o.description);
  note_change(detail, "website", before.website, o.website);
  note_change(detail, "email", before.email, o.email);
  note_change(detail, "logo", before.logo, o.logo);
  note_change(detail, "charity number", before.charity_number, o.charity_number);
  note_change(detail, "company number", before.company_number, o.company_number);
  const bool saved = write_directory_change(
      db, clock, local_offer, user, "directory.organisation.update", "organisation", o.id, detail,
      [&](store::Tx& tx) { return store::update_organisation(tx, user.area_id, o, *version, clock.now_micros()); });
  if (!saved) return tl::unexpected(stale_edit("this organisation"));
  return o.version;
}

}  // namespace tandem::app
