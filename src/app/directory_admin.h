// Keeping the Local Offer up to date: the services due for review, and staff
// changes to a service, each checked, audited and versioned.
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

struct ReviewDue {
  std::string id;
  std::string name;
  std::string organisation;
  Date last_checked_on{};
  Date review_due_on{};
  int days_left = 0;                   // negative: overdue by that many days
  std::optional<Date> withdrawn_on{};  // withdrawn: no longer reviewed
  std::optional<Date> closes_on{};     // still offered, to close on this day
};
// Every service in the user's area, the longest overdue first; withdrawn
// services last, most recently withdrawn first.
std::vector<ReviewDue> services_by_review(store::Database& db, const Clock& clock, const SignedIn& user);

// A service as the edit form shows it, with what the form offers.
struct ServiceEditView {
  Service service;
  std::vector<Organisation> organisations;
  std::vector<TaxonomyTerm> needs;  // the SEND needs taxonomy's terms
  std::vector<Location> locations;  // venues a new service can be offered at
};
std::optional<ServiceEditView> service_for_edit(store::Database& db, const SignedIn& user, const std::string& id);

// The edit form as sent, every field as text.
struct ServiceForm {
  std::string name, organisation_id, description, how_to_access, level, status, minimum_age, maximum_age, url, email,
      last_checked_on, review_due_on, version;
  std::vector<std::string> needs;  // DfE primary-need codes
  // A new service only: where it runs (a venue id, or empty when it comes to
  // families), whom to contact, and its price in pounds (empty: free).
  std::string location_id, contact_name, contact_phone, contact_email, cost;
};

// A blank service for the add form: the area's organisations, needs and venues.
ServiceEditView new_service_view(store::Database& db, const Clock& clock, const SignedIn& user);
// Adds a service from the add form, checked as an edit is; returns its id.
Result<std::string> create_directory_service(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                             const SignedIn& user, const ServiceForm& form);

// Applies the form to the service: every wrong field is named and nothing is
// saved; a version that is no longer current is refused the same way. Venues,
// times, contacts and costs stay as they are. Returns the new version.
Result<std::int64_t> update_directory_service(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                              const SignedIn& user, const std::string& id, const ServiceForm& form);

}  // namespace tandem::app
