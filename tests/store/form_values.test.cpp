// Reading the values forms share, as tables of cases: an optional amount of
// money and the core rule's errors added without naming a field twice.
#include "app/form_values.h"

#include <gtest/gtest.h>

namespace tandem::app {
namespace {

TEST(FormValues, AnOptionalAmountIsPoundsAsTyped) {
  struct Case {
    const char* text;
    std::optional<std::int64_t> pence;
    bool error;
  };
  const Case cases[] = {
      {"", std::nullopt, false},  {"  ", std::nullopt, false},  {"4,250.00", 425'000, false},
      {"£120", 12'000, false},    {"lots", std::nullopt, true}, {"12.345", std::nullopt, true},
      {"-5", std::nullopt, true},
  };
  for (const auto& c : cases) {
    std::vector<FieldError> errors;
    const auto p = optional_pounds("amount", c.text, errors);
    EXPECT_EQ(p ? std::optional<std::int64_t>(p->value) : std::nullopt, c.pence) << c.text;
    ASSERT_EQ(errors.size(), c.error ? 1u : 0u) << c.text;
    if (c.error) {
      EXPECT_EQ(errors[0].field, "amount");
    }
  }
}

TEST(FormValues, ARulesErrorsAreAddedOncePerField) {
  std::vector<FieldError> errors{{"amount", "Enter an amount of money, like 4,250.00"}};
  const Result<int> checked = fail(std::vector<FieldError>{{"amount", "Enter the amount"}, {"reference", "Enter it"}});
  add_new_errors(errors, checked);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].message, "Enter an amount of money, like 4,250.00") << "the form's own reading comes first";
  EXPECT_EQ(errors[1].field, "reference");
  add_new_errors(errors, Result<int>(1));
  EXPECT_EQ(errors.size(), 2u);
}

}  // namespace
}  // namespace tandem::app
