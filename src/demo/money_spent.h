// Money actually spent in the demo area beyond contract invoices: termly
// top-up payments to settings for the last term and the current one (most
// paid in full, some part paid, overpaid or not yet paid, so the schedule
// shows what to chase), and recharges with the two neighbouring councils
// most children moved to or from (some settled, some invoiced and waiting,
// some not yet invoiced); moves with other councils are left as proposals;
// and recharges recorded by hand for the first neighbour's children placed at
// our settings whom no move covers, each with a date of birth and most with
// that council's reference for the child (one disputed, one not yet
// invoiced, one cancelled).
#pragma once

#include <string>
#include <vector>

#include "core/recharge.h"
#include "core/top_up.h"

namespace tandem::demo {

// Deterministic; every payment passes make_top_up_payment for `today`.
// `last` and `current` are the terms' top-ups due (core top_ups_due).
std::vector<TopUpPayment> generate_top_up_payments(const FundingTerm& last_term, const std::vector<TopUpDue>& last,
                                                   const FundingTerm& current_term,
                                                   const std::vector<TopUpDue>& current, Date today,
                                                   const std::string& area_id, const std::string& id_prefix);

// Deterministic; every recharge passes make_recharge for `today`.
std::vector<Recharge> generate_recharges(const std::vector<CrossBorderMove>& moves, Date today,
                                         const std::string& area_id, const std::string& id_prefix);

}  // namespace tandem::demo
