// Inter-agency disagreements about who secures or pays for a provision line.
//
// Tandem proposes a line's section, securing agency and shares from the law and
// the area's responsibility matrix (core/plan.h). A person may record the line
// differently only with a reason; the agencies affected by the change (those
// that secure or pay under either version) must then each agree. Until they
// all do, the override is an inter-agency disagreement: the joint
// commissioning arrangements must have a way to settle disputes between the
// partners (CFA s26(3)(c) and (g)), and the child's provision must not wait on
// it (the council's duty under s42(2) stands whoever finally pays).
//
//   auto d = open_disagreement(line, proposal, reason, by, today);
//   d = *record_position(d, Agency::icb, Position::agrees, "", user, today);
//   if (status_of(d) == DisagreementStatus::disputed) refer_to_panel(d);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/plan.h"
#include "core/result.h"

namespace tandem {

enum class Position { pending, agrees, disagrees };
std::string_view to_string(Position p);
std::optional<Position> parse_position(std::string_view s);

// open: waiting for at least one party; agreed: every party agrees, the line
// stands as recorded; disputed: a party does not agree, and the area's
// disagreement procedure takes it on; withdrawn: the line was changed again,
// so this record no longer describes it.
enum class DisagreementStatus { open, agreed, disputed, withdrawn };
std::string_view to_string(DisagreementStatus s);
std::string_view status_label(DisagreementStatus s);
std::optional<DisagreementStatus> parse_disagreement_status(std::string_view s);

struct PartyPosition {
  Agency agency = Agency::council_education;
  Position position = Position::pending;
  std::string note;  // required when the party disagrees: what it would accept instead
  std::string decided_by;
  std::optional<Date> decided_on;
  bool operator==(const PartyPosition&) const = default;
};

struct Disagreement {
  std::string id;
  std::string area_id;
  std::string child_id;
  std::string plan_id;
  std::string line_id;
  std::string line_what;  // the provision, as the line described it when raised
  std::string proposed;   // responsibility as proposed (describe_responsibility)
  std::string recorded;   // responsibility as recorded
  std::string reason;     // the override reason
  std::string raised_by;
  Date raised_on{};
  bool withdrawn = false;
  std::vector<PartyPosition> parties;
};

// "Section G; secured by Integrated care board; paid by Integrated care board
// 50%, Council social care 50%".
std::string describe_responsibility(Section section, std::optional<Agency> securing,
                                    const std::vector<FundingShare>& paying);

// The agencies that secure or pay under either the proposal or the line as
// recorded, each once, in the order of all_agencies().
std::vector<Agency> parties_to(const ProvisionLine& line, const Proposal& proposal);

// A new disagreement with every party pending. The line must carry an
// override reason (it is what the partners are asked to agree).
Result<Disagreement> open_disagreement(std::string id, std::string area_id, std::string child_id, std::string plan_id,
                                       const ProvisionLine& line, const Proposal& proposal, std::string raised_by,
                                       Date raised_on);

DisagreementStatus status_of(const Disagreement& d);

// Records one agency's position. Refuses: an agency that is not a party
// (field "agency"), "pending" (field "position"), a disagreement with no note
// saying what the agency would accept (field "note"), and a disagreement that
// is no longer open (field "position"): once agreed, disputed or withdrawn it
// is settled through the area's procedure, not by changing a vote.
Result<Disagreement> record_position(Disagreement d, Agency agency, Position position, std::string note,
                                     std::string decided_by, Date on);

}  // namespace tandem
