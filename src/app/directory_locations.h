// The venues where the Local Offer's services are delivered: listed, added and
// changed by staff who keep the directory, and which services run at each
// (Open Referral UK's service_at_location), each change checked and audited.
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

struct LocationView {
  Location location;
  std::vector<ServiceLine> services;  // delivered here, by name
  std::vector<ServiceLine> others;    // every other service, which could be added here
};
// Every venue in the user's area, by name (without `others`).
std::vector<LocationView> locations_list(store::Database& db, const SignedIn& user);
std::optional<LocationView> location_view(store::Database& db, const SignedIn& user, const std::string& id);

// Coordinates as decimal degrees; both empty when the venue has none.
struct LocationForm {
  std::string name, description, address_1, address_2, city, postcode, latitude, longitude, accessibility, version;
};
LocationForm location_form(const Location& l);

Result<std::string> create_location(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                    const SignedIn& user, const LocationForm& form);
Result<std::int64_t> update_location(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                     const SignedIn& user, const std::string& id, const LocationForm& form);

// Offers the service at the venue (an error on "service_id" if it already is,
// or either is not in the area). Returns the service-at-location id.
Result<std::string> add_service_at_location(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                            const SignedIn& user, const std::string& location_id,
                                            const std::string& service_id);
// A service offered at a venue, as the confirm step before "stop offering
// here" shows it: with the opening times kept for that venue.
struct ServiceHereView {
  Location location;
  Service service;
  std::vector<Schedule> times;  // kept for this venue, which go with it
};
std::optional<ServiceHereView> service_here_view(store::Database& db, const SignedIn& user,
                                                 const std::string& location_id, const std::string& service_id);

// Stops offering it there, with any opening times kept for that venue, at the
// service's version the confirm page showed (a stale one is an error on
// "version").
Result<void> remove_service_at_location(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                        const SignedIn& user, const std::string& location_id,
                                        const std::string& service_id, const std::string& version);

// Removes a venue no service is offered at, at the version the confirm page
// showed; one still in use is refused on "services", naming them.
Result<void> remove_location(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                             const std::string& id, const std::string& version);

}  // namespace tandem::app
