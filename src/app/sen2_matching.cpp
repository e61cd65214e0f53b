#include "app/sen2_matching.h"

#include <algorithm>
#include <cctype>

namespace tandem::app {

namespace {
bool same_name(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

Sen2Matcher::Sen2Matcher(std::vector<store::ChildKey> children) : children_(std::move(children)) {
  std::sort(children_.begin(), children_.end(),
            [](const store::ChildKey& a, const store::ChildKey& b) { return a.id < b.id; });
  for (std::size_t i = 0; i < children_.size(); ++i) {
    if (!children_[i].upn.empty()) by_upn_.emplace(children_[i].upn, i);
    by_birth_[children_[i].date_of_birth].push_back(i);
  }
}

std::vector<std::string> Sen2Matcher::by_upn(const std::string& upn) const {
  std::vector<std::size_t> found;
  if (upn.empty()) return {};
  for (auto [it, end] = by_upn_.equal_range(upn); it != end; ++it) found.push_back(it->second);
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  out.reserve(found.size());
  for (auto i : found) out.push_back(children_[i].id);
  return out;
}

std::vector<std::string> Sen2Matcher::by_name_and_birth(const std::string& family_name, const std::string& given_name,
                                                        Date born, const std::string& upn) const {
  std::vector<std::string> out;
  const auto day = by_birth_.find(born);
  if (day == by_birth_.end()) return out;
  for (auto i : day->second) {  // in id order, as the constructor sorted them
    const auto& c = children_[i];
    if (!c.upn.empty() && !upn.empty() && c.upn != upn) continue;
    if (same_name(c.family_name, family_name) && same_name(c.given_name, given_name)) out.push_back(c.id);
  }
  return out;
}

}  // namespace tandem::app
