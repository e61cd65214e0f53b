#include "app/directory_contacts.h"

#include <algorithm>

#include "app/crypto.h"
#include "app/directory_edits.h"
#include "app/form_values.h"
#include "core/directory_checks.h"

namespace tandem::app {

namespace {

constexpr const char* kNoService = "There is no such service in your area's Local Offer";
constexpr const char* kNoContact = "There is no such contact for this service";

// Reads the form onto `c` and checks it; returns the service version it was made from.
Result<std::int64_t> read_form(ServiceContact& c, const ContactForm& form) {
  std::vector<FieldError> errors;
  c.name = trimmed(form.name);
  c.title = trimmed(form.title);
  c.phone = trimmed(form.phone);
  c.email = trimmed(form.email);
  add_errors(errors, check_contact(c));
  const auto version = parse_version(form.version, "the service");
  if (!version) errors.push_back(version.error().fields.front());
  if (!errors.empty()) return fail(std::move(errors));
  return *version;
}

std::vector<ServiceContact>::iterator find_contact(Service& s, const std::string& id) {
  return std::find_if(s.contacts.begin(), s.contacts.end(), [&](const ServiceContact& c) { return c.id == id; });
}

}  // namespace

std::string describe_contact(const ServiceContact& c) {
  std::string out = c.name;
  if (!c.title.empty()) out += " (" + c.title + ")";
  if (!c.phone.empty()) out += ", " + c.phone;
  if (!c.email.empty()) out += ", " + c.email;
  return out;
}

std::optional<Service> service_contacts(store::Database& db, const SignedIn& user, const std::string& service_id) {
  return find_service(area_directory(db, user), service_id);
}

ContactForm contact_form(const ServiceContact& c, std::int64_t service_version) {
  return {c.name, c.title, c.phone, c.email, std::to_string(service_version)};
}

Result<std::int64_t> add_contact(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& service_id, const ContactForm& form) {
  auto s = find_service(area_directory(db, user), service_id);
  if (!s) return fail("id", kNoService);
  ServiceContact c;
  c.id = new_uuid();
  auto version = read_form(c, form);
  if (!version) return version;
  Service changed = *s;
  changed.contacts.push_back(c);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.contact.add",
                            s->name + ": " + describe_contact(c));
}

Result<std::int64_t> update_contact(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                    const SignedIn& user, const std::string& service_id, const std::string& contact_id,
                                    const ContactForm& form) {
  auto s = find_service(area_directory(db, user), service_id);
  if (!s) return fail("id", kNoService);
  Service changed = *s;
  auto it = find_contact(changed, contact_id);
  if (it == changed.contacts.end()) return fail("id", kNoContact);
  const ServiceContact before = *it;
  auto version = read_form(*it, form);
  if (!version) return version;
  std::string detail;
  note_change(detail, "name", before.name, it->name);
  note_change(detail, "title", before.title, it->title);
  note_change(detail, "phone", before.phone, it->phone);
  note_change(detail, "email", before.email, it->email);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.contact.update",
                            s->name + ": " + describe_contact(before) + ": " + (detail.empty() ? "no change" : detail));
}

Result<std::int64_t> remove_contact(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                    const SignedIn& user, const std::string& service_id, const std::string& contact_id,
                                    const std::string& version_text) {
  auto s = find_service(area_directory(db, user), service_id);
  if (!s) return fail("id", kNoService);
  Service changed = *s;
  auto it = find_contact(changed, contact_id);
  if (it == changed.contacts.end()) return fail("id", kNoContact);
  const auto version = parse_version(version_text, "the service");
  if (!version) return tl::unexpected(version.error());
  const std::string detail = s->name + ": removed " + describe_contact(*it);
  changed.contacts.erase(it);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.contact.remove", detail);
}

}  // namespace tandem::app
