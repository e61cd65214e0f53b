// Reading the values every use case's forms share: the version a form was made
// from (optimistic locking), an optional date or amount of money, and the
// errors of the rules in core added to those of reading the form, each field
// named once.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
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

// Pounds as people type them ("4,250.00", "£120"); empty (or blank) text is no
// amount; a malformed amount adds its error to `errors` and gives none.
std::optional<Pence> optional_pounds(const std::string& field, const std::string& text,
                                     std::vector<FieldError>& errors);

// Adds the errors of `checked` (a core rule's verdict on the same form) whose
// field `errors` does not already name, so a field the form could not read is
// not named twice.
template <class T>
void add_new_errors(std::vector<FieldError>& errors, const Result<T>& checked) {
  if (checked) return;
  for (const auto& e : checked.error().fields) {
    bool already = false;
    for (const auto& x : errors) already = already || x.field == e.field;
    if (!already) errors.push_back(e);
  }
}

}  // namespace tandem::app
