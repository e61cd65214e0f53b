#include "app/csv_cells.h"
#include "app/recharges.h"

namespace tandem::app {

namespace {
std::string date_cell(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }
}  // namespace

std::string recharges_csv(const RechargesView& v) {
  std::string out =
      "id,direction,other_council,child_id,child_name,date_of_birth,other_council_reference,setting,period_start,"
      "period_end,amount,invoice_reference,invoiced_on,paid_on,status\n";
  for (const auto* list : {&v.owed_to_us, &v.owed_by_us}) {
    for (const auto& s : *list) {
      const Recharge& r = s.recharge;
      out += csv_cell(r.id) + "," + std::string(to_string(r.direction)) + "," + csv_cell(r.other_council) + "," +
             csv_cell(r.child_id) + "," + csv_cell(s.child_name) + "," + date_cell(s.date_of_birth) + "," +
             csv_cell(r.other_council_reference) + "," + csv_cell(r.setting_name) + "," + format_date(r.period_start) +
             "," + format_date(r.period_end) + "," + csv_pounds(r.amount) + "," + csv_cell(r.invoice_reference) + "," +
             date_cell(r.invoiced_on) + "," + date_cell(r.paid_on) + "," + std::string(to_string(r.status)) + "\n";
    }
  }
  return out;
}

}  // namespace tandem::app
