// A JSON request body read as a form's fields, so the API and the pages share
// one reading of every field and give the same errors.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "web/forms.h"

namespace tandem::web {

// The members of a JSON object: strings as they are, whole numbers in decimal,
// other numbers as JSON writes them, booleans as "yes" or "no". Arrays and
// nested objects are the caller's to flatten, in `extra`, from the parsed
// document. nullopt when the body is not a JSON object.
std::optional<Params> json_body_params(const std::string& body,
                                       const std::function<void(const nlohmann::json&, Params&)>& extra = {});

}  // namespace tandem::web
