// Who a person on a SEN2 return already is in Tandem: the child with their
// UPN, or else the child with their surname, forename (in any case) and date
// of birth who has no UPN or the same one. Built from one read of the area's
// children (store::child_keys), so importing 20,000 people does not ask the
// database twice a person.
//
//   Sen2Matcher m(store::child_keys(tx, area_id));
//   auto ids = m.by_upn("A123...");   // every match, in id order
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "store/sen2.h"

namespace tandem::app {

class Sen2Matcher {
 public:
  explicit Sen2Matcher(std::vector<store::ChildKey> children);

  std::vector<std::string> by_upn(const std::string& upn) const;
  // Among children with no UPN, or with `upn` when it is not empty.
  std::vector<std::string> by_name_and_birth(const std::string& family_name, const std::string& given_name, Date born,
                                             const std::string& upn) const;

 private:
  std::vector<store::ChildKey> children_;
  std::unordered_multimap<std::string, std::size_t> by_upn_;
  std::map<Date, std::vector<std::size_t>> by_birth_;
};

}  // namespace tandem::app
