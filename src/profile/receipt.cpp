#include "profile/receipt.h"

namespace tandem {

Date day_of_receipt(const ReceiptRule& rule, const Calendar& calendar, Date arrived_on,
                    std::chrono::seconds arrived_at) {
  if (!calendar.is_working_day(arrived_on)) {
    return rule.on_non_working_day == NonWorkingDayReceipt::next_working_day ? calendar.next_working_day(arrived_on)
                                                                             : arrived_on;
  }
  if (rule.cut_off && arrived_at > *rule.cut_off) return calendar.next_working_day(arrived_on);
  return arrived_on;
}

}  // namespace tandem
