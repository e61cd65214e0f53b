// Reading the values every use case's forms share: the version a form was made
// from (optimistic locking) and an optional date.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace tandem::app {

// A form's fields by name, as posted (or as an API body flattened into them).
using FormFields = std::map<std::string, std::string, std::less<>>;

// The field's text without the spaces around it; empty when absent.
std::string trimmed(const FormFields& f, std::string_view key);

// A positive whole number; otherwise an error on "version" telling the user to
// open `what` again ("the plan", "the review").
Result<std::int64_t> parse_version(const std::string& text, std::string_view what);

// Empty (or blank) text is no date; a malformed date adds its error to
// `errors` and gives no date.
std::optional<Date> optional_date(const std::string& field, const std::string& text, std::vector<FieldError>& errors);

}  // namespace tandem::app
