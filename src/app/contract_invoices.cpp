#include "app/contract_invoices.h"

#include "app/ceasing.h"
#include "app/crypto.h"
#include "app/form_values.h"
#include "store/audit.h"
#include "store/children_served.h"
#include "store/contract_invoices.h"

namespace tandem::app {

namespace {

Refused no_contract() { return Refused{404, "There is no contract with that reference that you can see."}; }

// The contract, if the user may see it: a provider's staff see their own only.
std::optional<store::StoredContract> visible(store::Tx& tx, const SignedIn& user, const std::string& id) {
  auto c = store::find_contract(tx, user.area_id, id);
  if (c && user.role == Role::provider &&
      store::provider_of_user(tx, user.area_id, user.user_id).value_or("-") != c->contract.provider_id) {
    c.reset();
  }
  return c;
}

void audit(store::Tx& tx, const SignedIn& user, std::int64_t now, const std::string& action, const std::string& id,
           const std::string& detail) {
  store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, action, "contract", id, "", detail, ""});
}

}  // namespace

std::variant<InvoiceView, Refused> open_invoices(RegisterServices& s, const SignedIn& user,
                                                 const std::string& contract_id) {
  InvoiceView v;
  bool found = false;
  s.db.read([&](store::Tx& tx) {
    auto c = visible(tx, user, contract_id);
    if (!c) return;
    found = true;
    v.stored = std::move(*c);
    v.invoices = store::invoices_of(tx, user.area_id, contract_id);
    v.children_served = store::children_served(tx, user.area_id, v.stored.contract, v.stored.provider_name,
                                               plans_ended_by(tx, user.area_id, s.clock.today()))
                            .size();
  });
  if (!found) return no_contract();
  v.totals = invoice_totals(v.stored.contract, v.invoices, s.clock.today());
  v.cost_per_child = cost_per_child(v.stored.contract.value, v.children_served);
  return v;
}

namespace {

// Reads and checks the invoice form; every wrong field named once.
Result<Invoice> read_invoice(const FormFields& f, InvoiceInput in, Date today, std::vector<FieldError> errors) {
  in.reference = trimmed(f, "reference");
  in.invoiced_on = optional_date("invoiced_on", trimmed(f, "invoiced_on"), errors);
  in.paid_on = optional_date("paid_on", trimmed(f, "paid_on"), errors);
  in.amount = optional_pounds("amount", trimmed(f, "amount"), errors);
  auto inv = make_invoice(in, today);
  add_new_errors(errors, inv);
  if (!errors.empty()) return fail(std::move(errors));
  return inv;
}

// The form's errors, the version's last: a form with wrong fields is a 400,
// one made from an old version alone a 409.
Error with_version(const Result<Invoice>& r, const Result<std::int64_t>& version) {
  std::vector<FieldError> errors;
  if (!r) errors = r.error().fields;
  if (!version) errors.push_back(version.error().fields.front());
  return Error(std::move(errors));
}

std::string describe(const Invoice& inv) {
  return inv.id + " " + inv.reference + " " + format_pounds(inv.amount) + " on " + format_date(inv.invoiced_on) +
         (inv.paid_on ? ", paid " + format_date(*inv.paid_on) : std::string());
}

}  // namespace

std::variant<Invoice, Refused, Error> add_invoice(RegisterServices& s, const SignedIn& user,
                                                  const std::string& contract_id, const FormFields& f) {
  bool found = false;
  s.db.read([&](store::Tx& tx) { found = visible(tx, user, contract_id).has_value(); });
  if (!found) return no_contract();
  InvoiceInput in;
  in.id = new_id("inv");
  in.area_id = user.area_id;
  in.contract_id = contract_id;
  auto inv = read_invoice(f, in, s.clock.today(), {});
  if (!inv) return inv.error();
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_invoice(tx, *inv, user.user_id, now);
    audit(tx, user, now, "contract.invoice.add", contract_id, describe(*inv));
  });
  return *inv;
}

std::variant<Invoice, Refused> open_invoice(RegisterServices& s, const SignedIn& user, const std::string& contract_id,
                                            const std::string& invoice_id) {
  std::optional<Invoice> inv;
  s.db.read([&](store::Tx& tx) {
    if (!visible(tx, user, contract_id)) return;
    inv = store::find_invoice(tx, user.area_id, invoice_id);
    if (inv && inv->contract_id != contract_id) inv.reset();
  });
  if (!inv) return Refused{404, "There is no invoice with that reference on this contract."};
  return *inv;
}

std::variant<Invoice, Refused, Error> edit_invoice(RegisterServices& s, const SignedIn& user,
                                                   const std::string& contract_id, const std::string& invoice_id,
                                                   const FormFields& f) {
  auto found = open_invoice(s, user, contract_id, invoice_id);
  if (auto* r = std::get_if<Refused>(&found)) return *r;
  const Invoice& was = std::get<Invoice>(found);
  auto version = parse_version(trimmed(f, "version"), "the invoice");
  InvoiceInput in;
  in.id = was.id;
  in.area_id = was.area_id;
  in.contract_id = was.contract_id;
  auto inv = read_invoice(f, in, s.clock.today(), {});
  if (!inv || !version) return with_version(inv, version);
  const std::int64_t now = s.clock.now_micros();
  bool saved = false;
  s.db.write([&](store::Tx& tx) {
    saved = store::update_invoice(tx, *inv, *version);
    if (saved)
      audit(tx, user, now, "contract.invoice.edit", contract_id, "was " + describe(was) + "; now " + describe(*inv));
  });
  if (!saved) return Error("version", "Someone else changed this invoice first. Open it again.");
  inv->version = *version + 1;
  return *inv;
}

std::variant<Invoice, Refused, Error> pay_invoice(RegisterServices& s, const SignedIn& user,
                                                  const std::string& contract_id, const std::string& invoice_id,
                                                  const FormFields& f) {
  std::optional<Invoice> inv;
  s.db.read([&](store::Tx& tx) {
    if (!visible(tx, user, contract_id)) return;
    inv = store::find_invoice(tx, user.area_id, invoice_id);
    if (inv && inv->contract_id != contract_id) inv.reset();
  });
  if (!inv) return Refused{404, "There is no invoice with that reference on this contract."};
  const std::string text = trimmed(f, "paid_on");
  if (text.empty()) return Error("paid_on", "Enter the date the invoice was paid, like 2025-07-15");
  auto on = parse_date("paid_on", text);
  if (!on) return on.error();
  auto paid = record_payment(*inv, *on, s.clock.today());
  if (!paid) return paid.error();
  const std::int64_t now = s.clock.now_micros();
  bool done = false;
  s.db.write([&](store::Tx& tx) {
    done = store::mark_invoice_paid(tx, user.area_id, invoice_id, *on);
    if (done) {
      audit(tx, user, now, "contract.invoice.paid", contract_id,
            invoice_id + " " + paid->reference + " paid " + format_date(*on));
    }
  });
  if (!done) return Error("paid_on", "This invoice has already been paid");
  return *paid;
}

}  // namespace tandem::app
