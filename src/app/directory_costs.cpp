#include "app/directory_costs.h"

#include <algorithm>

#include "app/crypto.h"
#include "app/directory_edits.h"
#include "app/form_values.h"
#include "core/directory_checks.h"

namespace tandem::app {

namespace {

constexpr const char* kNoService = "There is no such service in your area's Local Offer";
constexpr const char* kNoCost = "There is no such price for this service";

// Empty: no set price. A minus sign is read, so the check can say amounts
// cannot be negative rather than that the text is not a number.
std::optional<Pence> read_amount(const std::string& text, std::vector<FieldError>& errors) {
  if (text.empty()) return std::nullopt;
  const bool negative = text.starts_with('-');
  auto amount = parse_pounds("amount", negative ? text.substr(1) : text);
  if (!amount) {
    errors.push_back(
        {"amount", "Enter the amount as a number, like 12.50, or leave it empty if there is no set price"});
    return std::nullopt;
  }
  return negative ? Pence(-amount->value) : *amount;
}

// Reads the form onto `c` and checks it; returns the service version it was made from.
Result<std::int64_t> read_form(CostOption& c, const CostForm& form) {
  std::vector<FieldError> errors;
  c.option = trimmed(form.option);
  c.amount = read_amount(trimmed(form.amount), errors);
  c.currency = trimmed(form.currency);
  if (c.currency.empty()) c.currency = "GBP";
  c.amount_description = trimmed(form.amount_description);
  if (c.option.empty()) errors.push_back({"option", "Say who or what the price is for, like Per child or Under 18s"});
  add_errors(errors, check_cost(c));
  const auto version = parse_version(form.version, "the service");
  if (!version) errors.push_back(version.error().fields.front());
  if (!errors.empty()) return fail(std::move(errors));
  return *version;
}

std::vector<CostOption>::iterator find_cost(Service& s, const std::string& id) {
  return std::find_if(s.costs.begin(), s.costs.end(), [&](const CostOption& c) { return c.id == id; });
}

}  // namespace

std::string amount_text(const CostOption& c) {
  if (!c.amount) return {};
  const auto minor = c.amount->value < 0 ? -c.amount->value : c.amount->value;
  const auto cents = minor % 100;
  return (c.amount->value < 0 ? "-" : "") + std::to_string(minor / 100) + "." + (cents < 10 ? "0" : "") +
         std::to_string(cents);
}

std::string describe_cost(const CostOption& c) {
  std::string out = c.option + ": " + format_price(c);
  if (!c.amount_description.empty()) out += " " + c.amount_description;
  return out;
}

std::optional<Service> service_costs(store::Database& db, const SignedIn& user, const std::string& service_id) {
  return find_service(area_directory(db, user), service_id);
}

CostForm cost_form(const CostOption& c, std::int64_t service_version) {
  return {c.option, amount_text(c), c.currency, c.amount_description, std::to_string(service_version)};
}

Result<std::int64_t> add_cost(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                              const std::string& service_id, const CostForm& form) {
  auto s = find_service(area_directory(db, user), service_id);
  if (!s) return fail("id", kNoService);
  CostOption c;
  c.id = new_uuid();
  auto version = read_form(c, form);
  if (!version) return version;
  Service changed = *s;
  changed.costs.push_back(c);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.cost.add",
                            s->name + ": " + describe_cost(c));
}

Result<std::int64_t> update_cost(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& service_id, const std::string& cost_id, const CostForm& form) {
  auto s = find_service(area_directory(db, user), service_id);
  if (!s) return fail("id", kNoService);
  Service changed = *s;
  auto it = find_cost(changed, cost_id);
  if (it == changed.costs.end()) return fail("id", kNoCost);
  const CostOption before = *it;
  auto version = read_form(*it, form);
  if (!version) return version;
  std::string detail;
  note_change(detail, "option", before.option, it->option);
  note_change(detail, "amount", amount_text(before), amount_text(*it));
  note_change(detail, "currency", before.currency, it->currency);
  note_change(detail, "amount_description", before.amount_description, it->amount_description);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.cost.update",
                            s->name + ": " + before.option + ": " + (detail.empty() ? "no change" : detail));
}

Result<std::int64_t> remove_cost(store::Database& db, const Clock& clock, LocalOffer* local_offer, const SignedIn& user,
                                 const std::string& service_id, const std::string& cost_id,
                                 const std::string& version_text) {
  auto s = find_service(area_directory(db, user), service_id);
  if (!s) return fail("id", kNoService);
  Service changed = *s;
  auto it = find_cost(changed, cost_id);
  if (it == changed.costs.end()) return fail("id", kNoCost);
  const auto version = parse_version(version_text, "the service");
  if (!version) return tl::unexpected(version.error());
  const std::string detail = s->name + ": removed " + describe_cost(*it);
  changed.costs.erase(it);
  return save_service_parts(db, clock, local_offer, user, changed, *version, "directory.cost.remove", detail);
}

}  // namespace tandem::app
