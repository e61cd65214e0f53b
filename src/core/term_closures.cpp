#include "core/term_closures.h"

#include <algorithm>

namespace tandem {

namespace {
using std::chrono::days;
constexpr days weeks(int n) { return days{7 * n}; }
}  // namespace

std::vector<Closure> closures_between_terms(const std::vector<FundingTerm>& dated) {
  std::vector<FundingTerm> terms = dated;
  std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  std::vector<Closure> out;
  for (std::size_t i = 1; i < terms.size(); ++i) {
    const Date first_closed = terms[i - 1].end + days{1};
    if (first_closed < terms[i].start) out.push_back({first_closed, terms[i].start});
  }
  return out;
}

Result<ClockException> check_school_closure(const ClockException& e, const std::vector<Closure>& closures) {
  if (e.ground != ExceptionGround::school_closure || closures.empty()) return e;
  const auto window = closure_exception(e.ground, e.start, closures);
  if (!window) {
    return fail("start",
                "The area's school term dates show no closure of 4 weeks or more around " + format_date_long(e.start) +
                    ": a school closure lifts the time limit only for advice asked from one week before such a "
                    "closure until one week before the school re-opens. Check the day the advice was asked, or "
                    "record the delay under another ground");
  }
  if (e.end > window->end) {
    return fail("end_on", "The school re-opens " + format_date_long(window->end + weeks(1)) +
                              ": the exception ends at the latest one week before, on " +
                              format_date_long(window->end));
  }
  return e;
}

}  // namespace tandem
