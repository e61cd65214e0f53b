// What every staff edit to the Local Offer shares: reading the area's
// directory, describing a change for the audit trail, and saving a change to a
// service's parts (venues, opening times, terms) against the version the form
// was made from, so the in-memory Local Offer shows it at once.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth.h"
#include "app/clock.h"
#include "app/local_offer.h"
#include "core/directory.h"
#include "core/result.h"
#include "store/database.h"

namespace tandem::app {

Directory area_directory(store::Database& db, const SignedIn& user);

// The service with this id in the directory, if there is one.
std::optional<Service> find_service(const Directory& d, const std::string& id);

// Adds each of the check's errors whose field has none yet.
void add_errors(std::vector<FieldError>& errors, const Result<void>& checked);

// The text without leading and trailing white space.
std::string trimmed(const std::string& text);

// Adds "field: before -> after" to `detail` when the values differ.
void note_change(std::string& detail, std::string_view field, const std::string& before, const std::string& after);

// The error on "version" when someone else saved `what` first.
Error stale_edit(std::string_view what);

// Saves the service with the parts the caller changed if its version is still
// `expected`, as version expected + 1; audits `action` with `detail`. Returns
// the new version, or the stale-edit error.
Result<std::int64_t> save_service_parts(store::Database& db, const Clock& clock, LocalOffer* local_offer,
                                        const SignedIn& user, Service changed, std::int64_t expected,
                                        const std::string& action, const std::string& detail);

// Writes `write` with a directory version bump and an audit entry in one
// transaction, then refreshes the Local Offer. `write` returns false when the
// row's version was no longer current; nothing is then saved.
bool write_directory_change(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                            const std::string& action, const std::string& entity, const std::string& entity_id,
                            const std::string& detail, const std::function<bool(store::Tx&)>& write);

}  // namespace tandem::app
