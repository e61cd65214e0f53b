// Whom families contact about a service (Open Referral UK's contact with its
// phone): a name, a job title, a phone number and an email address, added,
// changed and removed by staff who keep the directory. Each change saves the
// service against the version the form was made from, so a stale form is
// refused.
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

std::optional<Service> service_contacts(store::Database& db, const SignedIn& user, const std::string& service_id);

// version: the service's.
struct ContactForm {
  std::string name, title, phone, email, version;
};
ContactForm contact_form(const ServiceContact& c, std::int64_t service_version);

// Each returns the service's new version; an added contact is the last in the
// service's contacts.
Result<std::int64_t> add_contact(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& service_id, const ContactForm& form);
Result<std::int64_t> update_contact(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                    const SignedIn& user, const std::string& service_id, const std::string& contact_id,
                                    const ContactForm& form);
Result<std::int64_t> remove_contact(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                    const SignedIn& user, const std::string& service_id, const std::string& contact_id,
                                    const std::string& version);

// "Ann Persona (Reception Manager), 01632 960123, ann@example.org".
std::string describe_contact(const ServiceContact& c);

}  // namespace tandem::app
