// A health body's notice to the council that a child under compulsory school
// age may have special educational needs (Children and Families Act 2014 s23).
// It is recorded on the child's record; unlike a request for assessment it
// starts no statutory clock.
#pragma once

#include <string>

#include "core/date.h"
#include "core/result.h"

namespace tandem {

struct HealthNotification {
  std::string id;
  std::string child_id;
  Date notified_on{};
  std::string from_body;  // e.g. "Northside Community Health Trust: health visiting"
  std::string details;    // what the health body said, and whether the parent was told (s23(3))
};

struct HealthNotificationForm {
  std::string notified_on;
  std::string from_body;
  std::string details;
};

// s23 covers a child under compulsory school age, which starts the term after the
// fifth birthday (Education Act 1996 s8); under 5 on the day is the test here, and
// a child who has turned 5 is refused so the request route is used instead.
Result<HealthNotification> validate_health_notification(const HealthNotificationForm& form, Date date_of_birth,
                                                        Date today);

}  // namespace tandem
