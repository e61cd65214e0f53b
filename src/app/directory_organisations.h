// The organisations that run the Local Offer's services: listed with what each
// runs, added and changed by staff who keep the directory, each change checked,
// versioned and audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/auth.h"
#include "app/clock.h"
#include "app/local_offer.h"
#include "core/directory.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::app {

struct ServiceLine {
  std::string id;
  std::string name;
  std::string status;
};

struct OrganisationView {
  Organisation organisation;
  std::vector<ServiceLine> services;  // the services it runs, by name
};
// Every organisation in the user's area, by name.
std::vector<OrganisationView> organisations_list(store::Database& db, const SignedIn& user);
std::optional<OrganisationView> organisation_view(store::Database& db, const SignedIn& user, const std::string& id);

// The form as sent, every field as text. Charity and company numbers are read
// without spaces and in capitals.
struct OrganisationForm {
  std::string name, description, website, email, logo, charity_number, company_number, version;
};
OrganisationForm organisation_form(const Organisation& o);

// Returns the new organisation's id.
Result<std::string> create_organisation(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                        const SignedIn& user, const OrganisationForm& form);
// Every wrong field named, nothing saved; a stale version is an error on
// "version". Returns the new version.
Result<std::int64_t> update_organisation(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                         const SignedIn& user, const std::string& id, const OrganisationForm& form);

}  // namespace tandem::app
