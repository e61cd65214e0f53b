// The day a request counts as received, under the area's receipt rule.
//
// The statutory clock runs from the day of receipt (domain.md section 2), and
// what counts as that day (an email after 5 pm, a request on a Saturday) is
// the area's rule, read from its profile. This is pure: the caller turns the
// moment of arrival into a local (Europe/London) date and time of day, since
// that needs the time-zone database.
//
//   // An email at 17:30 on Friday 20 December 2024, cut-off 17:00:
//   day_of_receipt(area.receipt, cal, make_date(2024, 12, 20), 17h + 30min);  // 2024-12-23
#pragma once

#include <chrono>

#include "core/area_profile.h"
#include "core/date.h"
#include "core/working_days.h"

namespace tandem {

// `arrived_at` is the local time of day. A request arriving exactly at the
// cut-off is in time; one second later is not.
Date day_of_receipt(const ReceiptRule& rule, const Calendar& calendar, Date arrived_on,
                    std::chrono::seconds arrived_at);

}  // namespace tandem
