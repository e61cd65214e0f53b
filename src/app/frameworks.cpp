#include "app/frameworks.h"

#include <algorithm>

#include "app/crypto.h"
#include "app/form_values.h"
#include "store/audit.h"
#include "store/contracts.h"

namespace tandem::app {

namespace {

std::string field(const FormFields& f, std::string_view key) {
  auto it = f.find(key);
  return it == f.end() ? std::string() : it->second;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

Refused no_framework() { return Refused{404, "There is no framework with that reference."}; }

void audit(store::Tx& tx, const SignedIn& user, std::int64_t now, const std::string& action, const std::string& id,
           const std::string& detail) {
  store::insert_audit(tx, {new_id("a"), user.area_id, now, user.user_id, action, "framework", id, "", detail, ""});
}

std::vector<FrameworkView> load(RegisterServices& s, const SignedIn& user, const std::string& id) {
  std::vector<FrameworkView> out;
  s.db.read([&](store::Tx& tx) {
    std::vector<Framework> fs;
    if (id.empty()) {
      fs = store::frameworks(tx, user.area_id);
    } else if (auto f = store::find_framework(tx, user.area_id, id)) {
      fs.push_back(std::move(*f));
    }
    std::map<std::string, std::string> names;
    for (const auto& p : store::providers(tx, user.area_id)) names[p.id] = p.name;
    const auto all = store::suspensions(tx, user.area_id);
    const std::string own =
        user.role == Role::provider ? store::provider_of_user(tx, user.area_id, user.user_id).value_or("-") : "";
    for (auto& f : fs) {
      FrameworkView v{std::move(f), names, {}, {}};
      if (!id.empty()) v.contracts = store::framework_contracts(tx, user.area_id, v.framework.id, own);
      for (const auto& su : all) {
        if (su.suspension.framework_id != v.framework.id) continue;
        if (!own.empty() && su.suspension.provider_id != own) continue;
        v.suspensions.push_back(su);
      }
      out.push_back(std::move(v));
    }
  });
  return out;
}

std::optional<int> tier_of(const std::string& text) {
  if (text.empty() || text.size() > 3 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoi(text);
}

}  // namespace

std::vector<FrameworkView> list_frameworks(RegisterServices& s, const SignedIn& user) { return load(s, user, ""); }

std::variant<FrameworkView, Refused> open_framework(RegisterServices& s, const SignedIn& user, const std::string& id) {
  auto v = load(s, user, id);
  if (v.empty()) return no_framework();
  return std::move(v.front());
}

FrameworkEdit add_framework(RegisterServices& s, const SignedIn& user, const FormFields& f) {
  FrameworkInput in{new_id("fw"), user.area_id, trim(field(f, "name")), trim(field(f, "reference")), {}, {}, {}};
  std::string cur;
  for (const char c : field(f, "tiers") + "\n") {
    if (c == '\n') {
      if (!trim(cur).empty()) in.tiers.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  std::vector<FieldError> errors;
  in.starts_on = optional_date("starts_on", trim(field(f, "starts_on")), errors);
  in.ends_on = optional_date("ends_on", trim(field(f, "ends_on")), errors);
  auto fw = make_framework(in);
  add_new_errors(errors, fw);
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::save_framework(tx, *fw, now);
    std::string tiers;
    for (const auto& t : fw->tiers) tiers += (tiers.empty() ? "" : ", ") + t;
    audit(tx, user, now, "framework.add", fw->id,
          fw->name + " (" + fw->reference + "): tiers " + tiers + "; " + format_date(*fw->starts_on) + " to " +
              format_date(*fw->ends_on));
  });
  return *fw;
}

FrameworkEdit add_framework_provider(RegisterServices& s, const SignedIn& user, const std::string& id,
                                     const FormFields& f) {
  auto v = load(s, user, id);
  if (v.empty()) return no_framework();
  const std::string provider = trim(field(f, "provider_id"));
  auto next = add_member(v.front().framework, provider, tier_of(trim(field(f, "tier"))));
  if (!next) return next.error();
  if (!v.front().provider_names.contains(provider)) return Error("provider_id", "Choose one of the area's providers");
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::save_framework(tx, *next, now);
    audit(tx, user, now, "framework.provider", id,
          v.front().provider_names[provider] + " on tier " +
              next->tiers[static_cast<std::size_t>(next->members.back().tier)]);
  });
  return *next;
}

FrameworkEdit suspend_provider(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f) {
  auto v = load(s, user, id);
  if (v.empty()) return no_framework();
  std::vector<FieldError> errors;
  const auto on = optional_date("on", field(f, "on"), errors);
  std::vector<Suspension> current;
  for (const auto& su : v.front().suspensions) current.push_back(su.suspension);
  const std::string provider = trim(field(f, "provider_id"));
  auto made = make_suspension(v.front().framework, provider, on, trim(field(f, "reason")), current, s.clock.today());
  if (!made) {
    for (const auto& e : made.error().fields) {
      if (!(e.field == "on" && !errors.empty())) errors.push_back(e);
    }
  }
  if (!errors.empty()) return Error(std::move(errors));
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::insert_suspension(tx, user.area_id, new_id("su"), *made, user.user_id, now);
    audit(tx, user, now, "framework.suspend", id,
          v.front().provider_names[provider] + " suspended from " + format_date(made->suspended_on) + ": " +
              made->reason);
  });
  return v.front().framework;
}

FrameworkEdit lift_suspension(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f) {
  auto v = load(s, user, id);
  if (v.empty()) return no_framework();
  std::vector<FieldError> errors;
  const auto on = optional_date("on", field(f, "on"), errors);
  if (!errors.empty()) return Error(std::move(errors));
  const std::string provider = trim(field(f, "provider_id"));
  const store::StoredSuspension* open = nullptr;
  for (const auto& su : v.front().suspensions) {
    if (su.suspension.provider_id == provider && !su.suspension.lifted_on) open = &su;
  }
  if (!open) return Error("provider_id", "Choose a provider suspended from this framework");
  auto lifted = tandem::lift_suspension(open->suspension, on, s.clock.today());
  if (!lifted) return lifted.error();
  const std::int64_t now = s.clock.now_micros();
  s.db.write([&](store::Tx& tx) {
    store::record_lifted(tx, user.area_id, open->id, *lifted->lifted_on);
    audit(tx, user, now, "framework.lift", id,
          v.front().provider_names[provider] + " suspension lifted on " + format_date(*lifted->lifted_on));
  });
  return v.front().framework;
}

}  // namespace tandem::app
