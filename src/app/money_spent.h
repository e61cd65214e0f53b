// Money actually spent by agency across the area (core/money_spent.h), to
// show beside what each agency has committed: on the contracts list, the
// commissioning board and their APIs. Area-wide figures, so a provider's
// staff are given none.
#pragma once

#include <map>
#include <optional>

#include "app/contracts.h"
#include "core/money_spent.h"

namespace tandem::app {

// None for a provider's staff.
std::optional<std::map<Agency, AgencySpend>> area_spend_by_agency(RegisterServices& s, const SignedIn& user);

}  // namespace tandem::app
