// The taxonomies that describe the Local Offer's services (the SEND needs a
// service is for, the types of service): their terms listed, added and changed
// by staff who keep the directory, and terms attached to or taken off a
// service. Codes are unique within a taxonomy; a term's broader term comes
// from the same taxonomy and never from beneath it.
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

struct TaxonomyView {
  Taxonomy taxonomy;
  std::vector<TaxonomyTerm> terms;  // broader terms before the narrower ones under them
  std::vector<int> depths;          // each term's depth: 0 for a top-level term
  std::vector<int> services;        // how many services each term describes
};
std::vector<TaxonomyView> taxonomies_list(store::Database& db, const SignedIn& user);
std::optional<TaxonomyView> taxonomy_view(store::Database& db, const SignedIn& user, const std::string& taxonomy_id);

struct TermView {
  TaxonomyTerm term;
  TaxonomyView taxonomy;
};
std::optional<TermView> term_view(store::Database& db, const SignedIn& user, const std::string& term_id);

// parent_id empty: a top-level term.
struct TermForm {
  std::string code, name, description, parent_id, version;
};
TermForm term_form(const TaxonomyTerm& t);

Result<std::string> create_term(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                const std::string& taxonomy_id, const TermForm& form);
Result<std::int64_t> update_term(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& term_id, const TermForm& form);

struct ServiceTermsView {
  Service service;
  std::vector<TaxonomyView> taxonomies;
};
std::optional<ServiceTermsView> service_terms(store::Database& db, const SignedIn& user, const std::string& service_id);
// Sets the service's terms to exactly `term_ids` (any taxonomy of the area);
// `version` is the service's. Returns its new version.
Result<std::int64_t> set_service_terms(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                       const SignedIn& user, const std::string& service_id,
                                       const std::vector<std::string>& term_ids, const std::string& version);

// Takes one term off the service at the service's version, leaving the term in
// its taxonomy. Returns the service's new version.
Result<std::int64_t> remove_service_term(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                         const SignedIn& user, const std::string& service_id,
                                         const std::string& term_id, const std::string& version);

}  // namespace tandem::app
