// Removing whole records from the Local Offer: a service, an organisation, a
// term of a taxonomy. Each goes only when nothing depends on it, at the
// version the confirm page showed, audited, and the Local Offer shows it at
// once. A service that families' feedback, requests, contracts, commissioning
// or plans refer to is withdrawn instead (Open Referral UK status "defunct"),
// so its history stays for staff while families no longer find it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/auth.h"
#include "app/clock.h"
#include "app/directory_organisations.h"
#include "app/local_offer.h"
#include "core/directory.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::app {

struct ServiceRemovalView {
  Service service;
  std::string organisation;             // its name
  std::vector<std::string> references;  // what refers to it; empty: it can be removed
};
std::optional<ServiceRemovalView> service_removal_view(store::Database& db, const SignedIn& user,
                                                       const std::string& id);

// Deletes a service nothing refers to. One referred to is refused on
// "references", naming what refers to it and offering withdrawal instead.
Result<void> remove_service(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                            const std::string& id, const std::string& version);

// Withdraws the service: status defunct, out of families' search, record and
// history kept. `from` (YYYY-MM-DD, empty for today) may be a day already
// past, when it stopped before anyone recorded it, or a later day up to two
// years ahead: the service is then still offered, its page gives families the
// closing day, and on that day it is withdrawn (app/service_closures.h). One
// already withdrawn is refused on "status". Returns the new version.
Result<std::int64_t> withdraw_service(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                      const SignedIn& user, const std::string& id, const std::string& version,
                                      const std::string& from = {});

// The furthest ahead a closing day may be set, in years.
inline constexpr int kMaxClosingYearsAhead = 2;

// Keeps offering a service that was to close: its closing day is cleared.
// One with no closing day is refused on "closes_on". Returns the new version.
Result<std::int64_t> keep_service(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                  const SignedIn& user, const std::string& id, const std::string& version);

struct OrganisationRemovalView {
  OrganisationView organisation;
  std::vector<std::string> providers;  // contract providers that are this organisation
};
std::optional<OrganisationRemovalView> organisation_removal_view(store::Database& db, const SignedIn& user,
                                                                 const std::string& id);

// Deletes an organisation that runs no service and no contract provider is;
// refused on "services" or "providers", naming them.
Result<void> remove_organisation(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& id, const std::string& version);

struct TermRemovalView {
  TaxonomyTerm term;
  std::string taxonomy;                // its taxonomy's name
  std::vector<ServiceLine> services;   // the services it describes
  std::vector<TaxonomyTerm> narrower;  // the terms directly under it
};
std::optional<TermRemovalView> term_removal_view(store::Database& db, const SignedIn& user, const std::string& id);

// Deletes a term from its taxonomy when no service uses it and no term sits
// under it; refused on "services" or "terms", naming them.
Result<void> remove_term(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                         const std::string& id, const std::string& version);

}  // namespace tandem::app
