// Frameworks of approved providers by tier of need, and suspending a provider
// from one (core/framework.h). Commissioners (Permission::manage_contracts)
// add frameworks, put providers on tiers, suspend and lift; those who read
// contracts read them (a provider sees suspensions of its own organisation
// only). Every change is audited. While a suspension is in force the contract
// form refuses the provider for a spot purchase or a call-off
// (app/contracts.cpp).
//
// A framework's page lists the contracts called off (or spot purchased) from
// it.
//
// Forms: framework: name, reference, tiers (one a line), starts_on, ends_on;
// member: provider_id, tier (its position, 0 first); suspension: provider_id,
// on, reason; lifting: provider_id, on.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "app/contracts.h"
#include "core/framework.h"
#include "store/frameworks.h"

namespace tandem::app {

struct FrameworkView {
  Framework framework;
  std::map<std::string, std::string> provider_names;  // id -> name, for every provider in the area
  std::vector<store::StoredSuspension> suspensions;   // this framework's, oldest first
  // Contracts picked from it (a provider sees its own only), by end date.
  std::vector<store::StoredContract> contracts;
};

std::vector<FrameworkView> list_frameworks(RegisterServices& s, const SignedIn& user);
std::variant<FrameworkView, Refused> open_framework(RegisterServices& s, const SignedIn& user, const std::string& id);

using FrameworkEdit = std::variant<Framework, Refused, Error>;
FrameworkEdit add_framework(RegisterServices& s, const SignedIn& user, const FormFields& f);
FrameworkEdit add_framework_provider(RegisterServices& s, const SignedIn& user, const std::string& id,
                                     const FormFields& f);
FrameworkEdit suspend_provider(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f);
FrameworkEdit lift_suspension(RegisterServices& s, const SignedIn& user, const std::string& id, const FormFields& f);

}  // namespace tandem::app
