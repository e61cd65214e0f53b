#include "core/contract.h"

#include <algorithm>
#include <array>

namespace tandem {

namespace {

struct TypeName {
  ContractType t;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<TypeName, 5> kTypes{{
    {ContractType::block, "block", "Block contract"},
    {ContractType::spot_purchase, "spot_purchase", "Spot purchase"},
    {ContractType::framework_call_off, "framework_call_off", "Call-off from a framework"},
    {ContractType::section_75, "section_75", "Section 75 pooled arrangement"},
    {ContractType::grant, "grant", "Grant"},
}};

struct StageName {
  ProcurementStage s;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<StageName, 9> kStages{{
    {ProcurementStage::need, "need", "Understanding the need"},
    {ProcurementStage::options, "options", "Options appraisal"},
    {ProcurementStage::tender, "tender", "Tender"},
    {ProcurementStage::award, "award", "Award"},
    {ProcurementStage::mobilise, "mobilise", "Mobilisation"},
    {ProcurementStage::live, "live", "Live"},
    {ProcurementStage::review, "review", "Under review"},
    {ProcurementStage::extend, "extend", "Extended"},
    {ProcurementStage::end, "end", "Ended"},
}};

using S = ProcurementStage;
struct Move {
  S from;
  S to;
};
// The procurement cycle's allowed moves (may_move documents them).
constexpr std::array<Move, 16> kMoves{{
    {S::need, S::options},
    {S::options, S::tender},
    {S::options, S::award},
    {S::options, S::end},
    {S::tender, S::award},
    {S::tender, S::options},
    {S::tender, S::end},
    {S::award, S::mobilise},
    {S::award, S::end},
    {S::mobilise, S::live},
    {S::live, S::review},
    {S::live, S::end},
    {S::review, S::live},
    {S::review, S::extend},
    {S::review, S::end},
    {S::extend, S::live},
}};

std::string stage_list(const std::vector<ProcurementStage>& stages) {
  std::string out;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (i > 0) out += i + 1 == stages.size() ? " or " : ", ";
    out += to_string(stages[i]);
  }
  return out;
}

}  // namespace

std::string_view to_string(ContractType t) {
  for (const auto& n : kTypes) {
    if (n.t == t) return n.id;
  }
  return "block";
}
std::string_view contract_type_label(ContractType t) {
  for (const auto& n : kTypes) {
    if (n.t == t) return n.label;
  }
  return "";
}
std::optional<ContractType> parse_contract_type(std::string_view s) {
  for (const auto& n : kTypes) {
    if (n.id == s) return n.t;
  }
  return std::nullopt;
}
std::span<const ContractType> all_contract_types() {
  static const std::array<ContractType, 5> all{ContractType::block, ContractType::spot_purchase,
                                               ContractType::framework_call_off, ContractType::section_75,
                                               ContractType::grant};
  return all;
}

std::string_view to_string(ProcurementStage s) {
  for (const auto& n : kStages) {
    if (n.s == s) return n.id;
  }
  return "need";
}
std::string_view procurement_stage_label(ProcurementStage s) {
  for (const auto& n : kStages) {
    if (n.s == s) return n.label;
  }
  return "";
}
std::optional<ProcurementStage> parse_procurement_stage(std::string_view s) {
  for (const auto& n : kStages) {
    if (n.id == s) return n.s;
  }
  return std::nullopt;
}
std::span<const ProcurementStage> all_procurement_stages() {
  static const std::array<ProcurementStage, 9> all{S::need, S::options, S::tender, S::award, S::mobilise,
                                                   S::live, S::review,  S::extend, S::end};
  return all;
}

bool may_move(ProcurementStage from, ProcurementStage to) {
  return std::any_of(kMoves.begin(), kMoves.end(), [&](const Move& m) { return m.from == from && m.to == to; });
}

std::vector<ProcurementStage> next_stages(ProcurementStage from) {
  std::vector<ProcurementStage> out;
  for (const auto s : all_procurement_stages()) {
    if (may_move(from, s)) out.push_back(s);
  }
  return out;
}

bool delivering(ProcurementStage s) { return s == S::mobilise || s == S::live || s == S::review || s == S::extend; }

Result<Contract> make_contract(const ContractInput& in) {
  std::vector<FieldError> errors;
  auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
  if (blank(in.title))
    errors.push_back({"title", "Enter the contract's title, like Community speech and language therapy"});
  if (blank(in.provider_id)) errors.push_back({"provider_id", "Choose the provider"});
  if (!in.type) {
    errors.push_back({"type", "Choose the type: block, spot purchase, call-off from a framework, section 75 or grant"});
  }
  if (in.commissioners.empty()) {
    errors.push_back({"commissioners", "Give at least one commissioning agency's share, like Council education 100%"});
  } else if (auto ok = validate_shares(in.commissioners, "commissioners"); !ok) {
    errors.push_back(ok.error().fields.front());
  } else {
    for (const auto& s : in.commissioners) {
      if (s.agency == Agency::provider || s.agency == Agency::school) {
        errors.push_back({"commissioners", "Only the council, the ICB and NHS England commission here; a " +
                                               std::string(agency_label(s.agency)) + " cannot hold a share"});
        break;
      }
    }
  }
  if (!in.value) {
    errors.push_back({"value", "Enter the contract's value over its whole term, like £250,000"});
  } else if (in.value->value <= 0) {
    errors.push_back({"value", "The value must be more than £0"});
  }
  if (!in.start_on) errors.push_back({"start_on", "Enter the date the contract starts, like 2025-04-01"});
  if (!in.end_on) {
    errors.push_back({"end_on", "Enter the date the contract ends, like 2028-03-31"});
  } else if (in.start_on && *in.end_on <= *in.start_on) {
    errors.push_back({"end_on", "The end date must be after the start date, " + format_date(*in.start_on)});
  }
  for (std::size_t i = 0; i < in.service_ids.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (in.service_ids[i] == in.service_ids[j]) {
        errors.push_back({"service_ids", "Name each service once"});
        i = in.service_ids.size() - 1;
        break;
      }
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  Contract c;
  c.id = in.id;
  c.area_id = in.area_id;
  c.provider_id = in.provider_id;
  c.reference = in.reference;
  c.title = in.title;
  c.type = *in.type;
  c.stage = in.stage.value_or(S::need);
  c.commissioners = in.commissioners;
  c.value = *in.value;
  c.start_on = *in.start_on;
  c.end_on = *in.end_on;
  c.service_ids = in.service_ids;
  for (const auto& n : in.provision_names) {
    if (!blank(n)) c.provision_names.push_back(n);
  }
  c.framework_id = in.framework_id;
  c.tier = in.tier;
  return c;
}

Result<Contract> move_stage(Contract c, ProcurementStage to, Date on, std::optional<Date> new_end, Date today) {
  std::vector<FieldError> errors;
  if (!may_move(c.stage, to)) {
    const auto next = next_stages(c.stage);
    errors.push_back({"stage", next.empty() ? "An ended contract cannot move on: start a new one"
                                            : "A contract at " + std::string(to_string(c.stage)) +
                                                  " can move only to " + stage_list(next)});
  }
  if (on > today) errors.push_back({"on", "The date cannot be in the future"});
  if (to == S::extend) {
    if (!new_end) {
      errors.push_back({"end_on", "Enter the new end date of the extension"});
    } else if (*new_end <= c.end_on) {
      errors.push_back({"end_on", "The new end date must be after the current one, " + format_date(c.end_on)});
    }
  } else if (new_end && *new_end <= c.start_on) {
    errors.push_back({"end_on", "The end date must be after the start date, " + format_date(c.start_on)});
  }
  if (!errors.empty()) return fail(std::move(errors));
  c.stage = to;
  if (new_end) c.end_on = *new_end;
  return c;
}

std::string_view to_string(ContractAlert a) {
  switch (a) {
    case ContractAlert::none: return "none";
    case ContractAlert::ending_soon: return "ending_soon";
    case ContractAlert::overrun: return "overrun";
  }
  return "none";
}

ContractAlert contract_alert(const Contract& c, Date today, int within_days) {
  if (!delivering(c.stage)) return ContractAlert::none;
  if (c.end_on < today) return ContractAlert::overrun;
  if ((c.end_on - today).count() <= within_days) return ContractAlert::ending_soon;
  return ContractAlert::none;
}

std::vector<std::pair<Agency, Pence>> value_by_agency(const Contract& c) {
  std::vector<std::pair<Agency, Pence>> out;
  auto parts = allocate(c.value, c.commissioners);
  if (!parts) return out;
  for (std::size_t i = 0; i < parts->size(); ++i) out.emplace_back(c.commissioners[i].agency, (*parts)[i]);
  return out;
}

}  // namespace tandem
