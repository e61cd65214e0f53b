// Advice timeliness by provider (core/advice_timeliness.h) for the area, over
// the last 12 months: which provider is late with the advice an EHC needs
// assessment waits for. Counts, and overdue requests by case reference only:
// no child is named, so reading it is not a read of any child's record.
#pragma once

#include <optional>
#include <string_view>

#include "app/register.h"
#include "core/access.h"
#include "core/advice_timeliness.h"
#include "core/result.h"

namespace tandem::app {

// `agency` narrows the report to advice asked of that agency ("icb" for health
// providers); empty for all. Fails naming the field for an unknown agency.
Result<AdviceTimeliness> advice_report(RegisterServices& s, const SignedIn& user, std::string_view agency);

}  // namespace tandem::app
