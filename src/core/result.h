// Errors a user can cause, returned as values.
//
// Every rule that can refuse input returns `tandem::Result<T>`. The error names
// the field (as the form or API calls it), what is wrong, and what is allowed, in
// words a caseworker understands. Exceptions are reserved for bugs and broken
// infrastructure and are caught at the adapter edge.
//
//   Result<Pence> parse_amount(std::string_view field, std::string_view text);
//   if (auto amount = parse_amount("cost", form["cost"]); !amount) show(amount.error());
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace tandem {

struct FieldError {
  std::string field;    // machine name, e.g. "date_of_birth"
  std::string message;  // e.g. "Date of birth must be a real date, like 2015-03-27"
  bool operator==(const FieldError&) const = default;
};

// One or more field errors; a form shows them all in its error summary.
struct Error {
  std::vector<FieldError> fields;

  Error() = default;
  Error(std::string field, std::string message) { fields.push_back({std::move(field), std::move(message)}); }
  explicit Error(std::vector<FieldError> all) : fields(std::move(all)) {}

  const std::string& first_message() const { return fields.front().message; }
  const std::string& first_field() const { return fields.front().field; }
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(std::string field, std::string message) {
  return tl::unexpected<Error>(Error(std::move(field), std::move(message)));
}
inline tl::unexpected<Error> fail(std::vector<FieldError> fields) {
  return tl::unexpected<Error>(Error(std::move(fields)));
}

}  // namespace tandem
