// Phase transfers (SEND Regulations 2014 reg 18(1)): every child or young
// person with a final plan who changes phase at the start of the next school
// year, with the last day the plan can be reviewed and amended to name the
// next setting, and whether that has happened. Overdue first, then soonest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/register.h"
#include "core/phase_transfer.h"

namespace tandem::app {

struct PhaseTransferRow {
  std::string plan_id;
  std::string child_id;
  std::string child_name;
  PhaseTransfer transfer;
  std::optional<Date> last_issued_on;  // plan made or amended plan issued, whichever is later
  TransferStatus status = TransferStatus::to_do;
  int days_left = 0;  // to the deadline; negative when past
};

struct PhaseTransfersPage {
  std::vector<PhaseTransferRow> rows;  // this page only
  int school_year = 0;                 // the school year the children move in (its September)
  int overdue = 0;
  int to_do = 0;
  int done = 0;
  int total = 0;
  int page = 1;
  int pages = 1;
};

PhaseTransfersPage phase_transfers(RegisterServices& s, const SignedIn& user, int page, const std::string& route);

}  // namespace tandem::app
