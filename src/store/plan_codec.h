// An EHC plan as JSON: how the store keeps each version whole, and how the API
// sends it. Reading refuses a document that names an unknown section, level,
// agency or setting type.
#pragma once

#include <string>

#include "core/plan.h"
#include "core/result.h"

namespace tandem::store {

std::string plan_to_json(const Plan& plan);
Result<Plan> plan_from_json(const std::string& text);

}  // namespace tandem::store
