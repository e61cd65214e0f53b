// Removing whole records from the Local Offer: what still refers to a service,
// an organisation or a term (so the history it carries is never lost), and the
// deletes themselves, each only at the version the confirm page showed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace tandem::store {

// What refers to a service outside the directory, each as staff would read it
// ("3 pieces of families' feedback", "contract C-0012 Speech therapy"):
// families' feedback, requests for provision, contracts, commissioning
// activities' evidence and EHC plans' provision lines. Empty: nothing does.
std::vector<std::string> service_references(Tx& tx, const std::string& area_id, const std::string& service_id);

// Deletes the service with its venues, opening times, terms, contacts and
// costs; false when `expected_version` is no longer current.
bool delete_service(Tx& tx, const std::string& area_id, const std::string& id, std::int64_t expected_version);

// The contract providers that are this organisation, by name.
std::vector<std::string> organisation_providers(Tx& tx, const std::string& area_id, const std::string& id);

// Deletes an organisation that runs no service; false when `expected_version`
// is no longer current or it runs one now.
bool delete_unused_organisation(Tx& tx, const std::string& area_id, const std::string& id,
                                std::int64_t expected_version);

// Deletes a term no service uses and no term sits under; false when
// `expected_version` is no longer current or one does now.
bool delete_unused_term(Tx& tx, const std::string& area_id, const std::string& id, std::int64_t expected_version);

}  // namespace tandem::store
