// What a service costs families (Open Referral UK's cost_option): who or what
// the price is for, the amount and its currency, and what the amount buys
// ("per 1 hour session"); added, changed and removed by staff who keep the
// directory. Each change saves the service against the version the form was
// made from, so a stale form is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/auth.h"
#include "app/clock.h"
#include "app/local_offer.h"
#include "core/directory.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::app {

std::optional<Service> service_costs(store::Database& db, const SignedIn& user, const std::string& service_id);

// amount: in the currency's main unit, like 12.50, or empty for no set price;
// currency: an ISO 4217 code (empty: GBP); version: the service's.
struct CostForm {
  std::string option, amount, currency, amount_description, version;
};
CostForm cost_form(const CostOption& c, std::int64_t service_version);

// Each returns the service's new version; an added price is the last in the
// service's costs.
Result<std::int64_t> add_cost(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                              const std::string& service_id, const CostForm& form);
Result<std::int64_t> update_cost(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& service_id, const std::string& cost_id, const CostForm& form);
Result<std::int64_t> remove_cost(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& service_id, const std::string& cost_id, const std::string& version);

// "Under 18s: £35.00 per 1 hour session".
std::string describe_cost(const CostOption& c);
// The amount as the form shows it: "12.50", or empty for no set price.
std::string amount_text(const CostOption& c);

}  // namespace tandem::app
