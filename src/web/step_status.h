// How a step's status on the statutory clock is shown: the GOV.UK tag colour
// and the words, the same on every page (cases, reviews, appeals).
#pragma once

#include <string>

#include "core/ehc_clock.h"

namespace tandem::web {

std::string status_tag(StepStatus s);   // "govuk-tag--red"
std::string status_text(StepStatus s);  // "Overdue"

}  // namespace tandem::web
