#include "core/framework.h"

#include <algorithm>

namespace tandem {

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// "A, B or C"
std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

std::string tier_choices(const Framework& f) { return listed(f.tiers); }

std::string name_of(const std::map<std::string, std::string>& names, const std::string& id) {
  auto it = names.find(id);
  return it == names.end() ? id : it->second;
}

std::string term_text(const Framework& f) {
  if (!f.starts_on) return "until " + format_date_long(*f.ends_on);
  if (!f.ends_on) return "from " + format_date_long(*f.starts_on);
  return "from " + format_date_long(*f.starts_on) + " to " + format_date_long(*f.ends_on);
}
}  // namespace

bool in_term(const Framework& f, Date day) {
  if (f.starts_on && day < *f.starts_on) return false;
  return !f.ends_on || day <= *f.ends_on;
}

bool ending_within(const Framework& f, Date today, int days) {
  return f.ends_on && today <= *f.ends_on && *f.ends_on - today <= std::chrono::days{days};
}

Result<Framework> make_framework(const FrameworkInput& in) {
  std::vector<FieldError> errors;
  if (blank(in.name)) errors.push_back({"name", "Enter the framework's name, like Short breaks framework"});
  if (in.tiers.empty()) {
    errors.push_back({"tiers", "Name at least one tier of need, one a line, like Universal, Targeted, Specialist"});
  } else {
    for (std::size_t i = 0; i < in.tiers.size(); ++i) {
      if (blank(in.tiers[i]) || std::find(in.tiers.begin(), in.tiers.begin() + static_cast<std::ptrdiff_t>(i),
                                          in.tiers[i]) != in.tiers.begin() + static_cast<std::ptrdiff_t>(i)) {
        errors.push_back({"tiers", "Name each tier once"});
        break;
      }
    }
  }
  if (!in.starts_on) errors.push_back({"starts_on", "Enter the date the framework starts, like 2025-04-01"});
  if (!in.ends_on) {
    errors.push_back({"ends_on", "Enter the date the framework ends, like 2029-03-31"});
  } else if (in.starts_on && *in.ends_on <= *in.starts_on) {
    errors.push_back({"ends_on", "The framework must end after it starts, " + format_date_long(*in.starts_on)});
  } else if (in.starts_on && *in.ends_on >= add_years(*in.starts_on, kFrameworkMaxYears)) {
    errors.push_back({"ends_on",
                      "A framework may run for at most four years (Procurement Act 2023, section 47): "
                      "from " +
                          format_date_long(*in.starts_on) + " it must end by " +
                          format_date_long(add_years(*in.starts_on, kFrameworkMaxYears) - std::chrono::days{1})});
  }
  if (!errors.empty()) return fail(std::move(errors));
  return Framework{in.id, in.area_id, in.name, in.reference, in.tiers, {}, in.starts_on, in.ends_on};
}

Result<Framework> add_member(Framework f, const std::string& provider_id, std::optional<int> tier) {
  std::vector<FieldError> errors;
  if (blank(provider_id)) errors.push_back({"provider_id", "Choose the provider"});
  if (!tier || *tier < 0 || *tier >= static_cast<int>(f.tiers.size())) {
    errors.push_back({"tier", "Choose one of the framework's tiers"});
  }
  if (errors.empty()) {
    const bool already = std::any_of(f.members.begin(), f.members.end(), [&](const FrameworkMember& m) {
      return m.provider_id == provider_id && m.tier == *tier;
    });
    if (already) errors.push_back({"provider_id", "The provider is already on that tier"});
  }
  if (!errors.empty()) return fail(std::move(errors));
  f.members.push_back({provider_id, *tier});
  return f;
}

bool in_force(const Suspension& s, Date today) {
  return s.suspended_on <= today && (!s.lifted_on || *s.lifted_on > today);
}

std::optional<FieldError> suspension_bars(ContractType type, const std::string& provider_id,
                                          const std::string& provider_name, std::span<const Suspension> suspensions,
                                          Date today) {
  if (type != ContractType::spot_purchase && type != ContractType::framework_call_off) return std::nullopt;
  for (const auto& s : suspensions) {
    if (s.provider_id != provider_id || !in_force(s, today)) continue;
    return FieldError{"provider_id", provider_name + " is suspended from the " + s.framework_name + " since " +
                                         format_date(s.suspended_on) + " (" + s.reason +
                                         "): it cannot be picked for a spot purchase or a call-off until the "
                                         "suspension is lifted"};
  }
  return std::nullopt;
}

std::vector<FieldError> check_framework_pick(const FrameworkPick& pick, std::span<const Framework> frameworks,
                                             std::span<const Suspension> suspensions,
                                             const std::map<std::string, std::string>& provider_names) {
  std::vector<FieldError> errors;
  const bool call_off = pick.type == ContractType::framework_call_off;
  const bool may_pick = call_off || pick.type == ContractType::spot_purchase;
  const bool named = !pick.framework_id.empty() || pick.tier.has_value();
  if (!may_pick) {
    if (named) {
      errors.push_back({"framework_id",
                        "Only a call-off or a spot purchase is picked from a framework: leave the "
                        "framework and tier empty for a " +
                            std::string(contract_type_label(pick.type))});
    }
    return errors;
  }
  if (!call_off && !named) return errors;
  std::vector<std::string> names;
  for (const auto& f : frameworks) names.push_back(f.name);
  const std::string choose = frameworks.empty() ? std::string("the area has no frameworks yet: add one first")
                                                : "choose one of the area's frameworks: " + listed(names);
  const Framework* framework = nullptr;
  for (const auto& f : frameworks) {
    if (f.id == pick.framework_id) framework = &f;
  }
  if (pick.framework_id.empty()) {
    errors.push_back({"framework_id", (call_off ? "A call-off names the framework it is called off from: "
                                                : "Name the framework the tier is on: ") +
                                          choose});
  } else if (!framework) {
    errors.push_back({"framework_id", "There is no framework " + pick.framework_id + " in the area: " + choose});
  }
  if (!pick.tier) {
    errors.push_back({"tier", framework ? "Choose the tier of need it is picked at: " + tier_choices(*framework)
                                        : std::string("Choose the tier of need it is picked at")});
  } else if (framework && (*pick.tier < 0 || *pick.tier >= static_cast<int>(framework->tiers.size()))) {
    errors.push_back({"tier", "Choose one of the " + framework->name + "'s tiers: " + tier_choices(*framework)});
  }
  if (framework && !in_term(*framework, pick.start_on)) {
    errors.push_back({"start_on", "The " + framework->name + " runs " + term_text(*framework) +
                                      ": a contract picked from it must start within that term, not on " +
                                      format_date_long(pick.start_on) +
                                      ". Change the start date, or pick from a framework in force then"});
  }
  if (!errors.empty() || blank(pick.provider_id)) return errors;
  const std::string provider = name_of(provider_names, pick.provider_id);
  const std::string& tier_name = framework->tiers[static_cast<std::size_t>(*pick.tier)];
  std::vector<std::string> approved;
  bool member = false;
  for (const auto& m : framework->members) {
    if (m.tier != *pick.tier) continue;
    member = member || m.provider_id == pick.provider_id;
    approved.push_back(name_of(provider_names, m.provider_id));
  }
  if (!member) {
    errors.push_back(
        {"provider_id", provider + " is not approved on the " + framework->name + " at the " + tier_name + " tier: " +
                            (approved.empty() ? std::string("no provider is approved at that tier yet")
                                              : "choose one of the providers approved there, " + listed(approved))});
    return errors;
  }
  for (const auto& s : suspensions) {
    if (s.framework_id != framework->id || s.provider_id != pick.provider_id || !in_force(s, pick.start_on)) continue;
    errors.push_back({"provider_id", provider + " is suspended from the " + framework->name + " on the start date, " +
                                         format_date(pick.start_on) + " (suspended since " +
                                         format_date(s.suspended_on) + ": " + s.reason + ")"});
    break;
  }
  return errors;
}

Result<Suspension> make_suspension(const Framework& f, const std::string& provider_id, std::optional<Date> on,
                                   const std::string& reason, std::span<const Suspension> current, Date today) {
  std::vector<FieldError> errors;
  const bool member = std::any_of(f.members.begin(), f.members.end(),
                                  [&](const FrameworkMember& m) { return m.provider_id == provider_id; });
  if (!member) {
    errors.push_back({"provider_id", "Choose a provider on the framework"});
  } else {
    const bool already = std::any_of(current.begin(), current.end(), [&](const Suspension& s) {
      return s.framework_id == f.id && s.provider_id == provider_id && !s.lifted_on;
    });
    if (already) errors.push_back({"provider_id", "The provider is already suspended from this framework"});
  }
  if (!on) {
    errors.push_back({"on", "Enter the date of the suspension, like 2026-01-15"});
  } else if (*on > today) {
    errors.push_back({"on", "The date cannot be in the future (today is " + format_date(today) + ")"});
  }
  if (blank(reason)) errors.push_back({"reason", "Say why, like Safeguarding concerns under investigation"});
  if (!errors.empty()) return fail(std::move(errors));
  return Suspension{f.id, f.name, provider_id, *on, reason, std::nullopt};
}

Result<Suspension> lift_suspension(Suspension s, std::optional<Date> on, Date today) {
  if (s.lifted_on) return fail("provider_id", "That suspension has already been lifted");
  if (!on) return fail("on", "Enter the date the suspension is lifted, like 2026-03-01");
  if (*on > today) return fail("on", "The date cannot be in the future (today is " + format_date(today) + ")");
  if (*on < s.suspended_on) {
    return fail("on", "The suspension cannot be lifted before it began, " + format_date(s.suspended_on));
  }
  s.lifted_on = on;
  return s;
}

}  // namespace tandem
