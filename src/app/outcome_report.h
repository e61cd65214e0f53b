// How the outcomes in the area's plans are going, counted by the provider and
// the kind of provision serving them (core/outcome_counts.h), for
// commissioners and the performance framework. Counts only: no child is named,
// so reading it is not a read of any child's record.
#pragma once

#include "app/register.h"
#include "core/outcome_counts.h"

namespace tandem::app {

OutcomeCounts outcomes_by_provision(RegisterServices& s, const SignedIn& user);

}  // namespace tandem::app
