// Families' feedback on the Local Offer: saved an item at a time, read as the
// SEND team's triage list, as the published "You said, we did" items and by
// half-year for the commissioners' report.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/feedback.h"
#include "store/database.h"

namespace tandem::store {

void insert_feedback(Tx& tx, const Feedback& f, std::int64_t now);
// Saves the triage fields and f.version; false when `expected_version` is no
// longer current.
bool update_feedback(Tx& tx, const Feedback& f, std::int64_t expected_version, std::int64_t now);
std::optional<Feedback> find_feedback(Tx& tx, const std::string& area_id, const std::string& id);
// Newest first; `status` empty: every status. At most `limit` items.
std::vector<Feedback> feedback_by_status(Tx& tx, const std::string& area_id, const std::string& status, int limit);
// Published items, the most recently published first.
std::vector<Feedback> published_feedback(Tx& tx, const std::string& area_id, int limit);
// Received from `from` to `to`, both included.
std::vector<Feedback> feedback_received(Tx& tx, const std::string& area_id, Date from, Date to);
void delete_feedback(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
