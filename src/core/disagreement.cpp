#include "core/disagreement.h"

#include <algorithm>
#include <array>
#include <utility>

namespace tandem {

namespace {

struct PositionName {
  Position position;
  std::string_view id;
};
constexpr std::array<PositionName, 3> kPositions{{
    {Position::pending, "pending"},
    {Position::agrees, "agrees"},
    {Position::disagrees, "disagrees"},
}};

struct StatusName {
  DisagreementStatus status;
  std::string_view id;
  std::string_view label;
};
constexpr std::array<StatusName, 4> kStatuses{{
    {DisagreementStatus::open, "open", "Waiting for partners"},
    {DisagreementStatus::agreed, "agreed", "Agreed by every partner"},
    {DisagreementStatus::disputed, "disputed", "Disputed: for the area's disagreement procedure"},
    {DisagreementStatus::withdrawn, "withdrawn", "Withdrawn: the line was changed again"},
}};

std::string percent(std::int32_t basis_points) {
  std::string out = std::to_string(basis_points / 100);
  if (const auto rest = basis_points % 100; rest != 0) {
    out += '.';
    out += static_cast<char>('0' + rest / 10);
    if (rest % 10 != 0) out += static_cast<char>('0' + rest % 10);
  }
  return out + "%";
}

}  // namespace

std::string_view to_string(Position p) {
  for (const auto& n : kPositions) {
    if (n.position == p) return n.id;
  }
  return "pending";
}

std::optional<Position> parse_position(std::string_view s) {
  for (const auto& n : kPositions) {
    if (n.id == s) return n.position;
  }
  return std::nullopt;
}

std::string_view to_string(DisagreementStatus s) {
  for (const auto& n : kStatuses) {
    if (n.status == s) return n.id;
  }
  return "open";
}

std::string_view status_label(DisagreementStatus s) {
  for (const auto& n : kStatuses) {
    if (n.status == s) return n.label;
  }
  return "Waiting for partners";
}

std::optional<DisagreementStatus> parse_disagreement_status(std::string_view s) {
  for (const auto& n : kStatuses) {
    if (n.id == s) return n.status;
  }
  return std::nullopt;
}

std::string describe_responsibility(Section section, std::optional<Agency> securing,
                                    const std::vector<FundingShare>& paying) {
  std::string out = "Section " + std::string(to_string(section)) + "; secured by ";
  out += securing ? std::string(agency_label(*securing)) : std::string("nobody yet");
  out += "; paid by ";
  if (paying.empty()) return out + "nobody agreed yet";
  for (std::size_t i = 0; i < paying.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::string(agency_label(paying[i].agency)) + " " + percent(paying[i].basis_points);
  }
  return out;
}

std::vector<Agency> parties_to(const ProvisionLine& line, const Proposal& proposal) {
  std::vector<Agency> involved;
  involved.push_back(proposal.securing);
  for (const auto& s : proposal.paying) involved.push_back(s.agency);
  if (line.securing) involved.push_back(*line.securing);
  for (const auto& s : line.paying) involved.push_back(s.agency);
  std::vector<Agency> out;
  for (const Agency a : all_agencies()) {
    if (std::find(involved.begin(), involved.end(), a) != involved.end()) out.push_back(a);
  }
  return out;
}

Result<Disagreement> open_disagreement(std::string id, std::string area_id, std::string child_id, std::string plan_id,
                                       const ProvisionLine& line, const Proposal& proposal, std::string raised_by,
                                       Date raised_on) {
  if (!line.override_reason || line.override_reason->empty()) {
    return fail("override_reason", "Say why the line departs from the proposal, so the partners can agree it");
  }
  Disagreement d;
  d.id = std::move(id);
  d.area_id = std::move(area_id);
  d.child_id = std::move(child_id);
  d.plan_id = std::move(plan_id);
  d.line_id = line.id;
  d.line_what = line.what;
  d.proposed = describe_responsibility(proposal.section, proposal.securing, proposal.paying);
  d.recorded = describe_responsibility(line.section, line.securing, line.paying);
  d.reason = *line.override_reason;
  d.raised_by = std::move(raised_by);
  d.raised_on = raised_on;
  for (const Agency a : parties_to(line, proposal))
    d.parties.push_back(PartyPosition{a, Position::pending, {}, {}, {}});
  return d;
}

DisagreementStatus status_of(const Disagreement& d) {
  if (d.withdrawn) return DisagreementStatus::withdrawn;
  bool all_agree = !d.parties.empty();
  for (const auto& p : d.parties) {
    if (p.position == Position::disagrees) return DisagreementStatus::disputed;
    all_agree = all_agree && p.position == Position::agrees;
  }
  return all_agree ? DisagreementStatus::agreed : DisagreementStatus::open;
}

Result<Disagreement> record_position(Disagreement d, Agency agency, Position position, std::string note,
                                     std::string decided_by, Date on) {
  if (const auto status = status_of(d); status != DisagreementStatus::open) {
    return fail("position", "This disagreement is " + std::string(to_string(status)) +
                                ": it is settled through the area's disagreement procedure, not by a new position");
  }
  auto party =
      std::find_if(d.parties.begin(), d.parties.end(), [agency](const PartyPosition& p) { return p.agency == agency; });
  if (party == d.parties.end()) {
    return fail("agency", std::string(agency_label(agency)) +
                              " neither secures nor pays for this line, so it has no position to record");
  }
  if (position == Position::pending) return fail("position", "Choose whether your agency agrees or disagrees");
  if (position == Position::disagrees && note.empty()) {
    return fail("note", "Say what your agency would accept instead, so the panel can weigh it");
  }
  party->position = position;
  party->note = std::move(note);
  party->decided_by = std::move(decided_by);
  party->decided_on = on;
  return d;
}

}  // namespace tandem
