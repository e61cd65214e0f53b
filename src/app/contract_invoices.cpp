#include "app/contract_invoices.h"

#include "app/crypto.h"
#include "app/form_values.h"
#include "store/audit.h"
#include "store/children_served.h"
#include "store/contract_invoices.h"

namespace tandem::app {

namespace {

std::string field(const FormFields& f, std::string_view key) {
  auto it = f.find(key);
  if (it == f.end()) return "";
  const std::string& s = it->second;
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

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
    v.children_served = store::children_served(tx, user.area_id, v.stored.contract, v.stored.provider_name).size();
  });
  if (!found) return no_contract();
  v.totals = invoice_totals(v.stored.contract, v.invoices, s.clock.today());
  v.cost_per_child = cost_per_child(v.stored.contract.value, v.children_served);
  return v;
}

std::variant<Invoice, Refused, Error> add_invoice(RegisterServices& s, const SignedIn& user,
                                                  const std::string& contract_id, const FormFields& f) {
  bool found = false;
  s.db.read([&](store::Tx& tx) { found = visible(tx, user, contract_id).has_value(); });
  if (!found) return no_contract();
  std::vector<FieldError> errors;
  InvoiceInput in;
  in.id = new_id("inv");
  in.area_id = user.area_id;
  in.contract_id = contract_id;
  in.reference = field(f, "reference");
  in.invoiced_on = optional_date("invoiced_on", field(f, "invoiced_on"), errors);
  in.paid_on = optional_date("paid_on", field(f, "paid_on"), errors);
  const std::string amount = field(f, "amount");
  if (!amount.empty()) {
    if (auto p = parse_pounds("amount", amount)) {
      in.amount = *p;
    } else {
      errors.push_back(p.error().fields.front());
    }
  }
  auto inv = make_invoice(in, s.clock.today());
  if (!inv) {
    for (const auto& e : inv.error().fields) {
      bool already = false;
      for (const auto& x : errors) already = already || x.field == e.field;
      if (!already) errors.push_back(e);
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_invoice(tx, *inv, user.user_id, now);
    audit(tx, user, now, "contract.invoice.add", contract_id,
          inv->id + " " + inv->reference + " " + format_pounds(inv->amount) + " on " + format_date(inv->invoiced_on) +
              (inv->paid_on ? ", paid " + format_date(*inv->paid_on) : std::string()));
  });
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
  const std::string text = field(f, "paid_on");
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
