// Termly top-up payments in the database, and what the top-ups due are
// worked out from: final plans' high-needs top-up a year, with the placements
// of their children.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/top_up.h"
#include "store/database.h"

namespace tandem::store {

// Children with a final plan carrying a high-needs top-up, each with the
// placements that overlap `from` to `to` (both days counted).
std::vector<TopUpChild> top_up_children(Tx& tx, const std::string& area_id, Date from, Date to);

void insert_top_up_payment(Tx& tx, const TopUpPayment& p, const std::string& recorded_by, std::int64_t now);
// Writes the amount, paid date and reference and bumps the version; false
// when `expected_version` is stale or the payment is not the area's.
bool update_top_up_payment(Tx& tx, const TopUpPayment& p, std::int64_t expected_version);
std::optional<TopUpPayment> find_top_up_payment(Tx& tx, const std::string& area_id, const std::string& id);
// The term's payments, oldest first.
std::vector<TopUpPayment> top_up_payments(Tx& tx, const std::string& area_id, const std::string& term_id);
// Every payment in the area, oldest first.
std::vector<TopUpPayment> area_top_up_payments(Tx& tx, const std::string& area_id);
void delete_top_up_payments(Tx& tx, const std::string& area_id);

// What an area's top-up schedule is worked out from changes only when one of
// these does (app/top_up_cache.h): its children (their names), and its
// placements, plans, plans' top-ups and top-up payments (migration 0030).
// Zero: never written.
struct TopUpTokens {
  std::int64_t registry = 0;
  std::int64_t top_ups = 0;
  bool operator==(const TopUpTokens&) const = default;
};
TopUpTokens top_up_tokens(Tx& tx, const std::string& area_id);

}  // namespace tandem::store
