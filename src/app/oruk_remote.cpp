#include "app/oruk_remote.h"

#include "core/directory.h"

namespace tandem::app {

namespace {

// Other directories may cap per_page lower; total_pages says how many follow.
constexpr int kPerPage = 100;
// A feed that never says it has ended is not followed for ever.
constexpr std::size_t kMaxPages = 100'000;

bool success(long status) { return status >= 200 && status < 300; }

std::string answered(const HttpAnswer& a) {
  return "answered " + std::to_string(a.status) + (a.content_type.empty() ? "" : " (" + a.content_type + ")");
}

}  // namespace

std::string oruk_base_url(std::string_view url) {
  std::string base(url.substr(0, url.find_first_of("?#")));
  while (base.ends_with('/')) base.pop_back();
  if (base.ends_with("/services")) base.resize(base.size() - std::string_view("/services").size());
  return base;
}

Result<interop::oruk::ParsedFeed> read_remote_feed(std::string_view url, const HttpFetch& fetch, Date today,
                                                   const ImportProgress& progress) {
  const std::string base = oruk_base_url(url);
  struct Listed {
    interop::oruk::ServicePage::Item item;
    std::string page_url;
    std::size_t position;
  };
  std::vector<Listed> listed;
  std::size_t total_pages = 0;  // 0 until a page says
  for (std::size_t page = 1;; ++page) {
    if (page > kMaxPages)
      return fail("url", base + "/services did not end after " + std::to_string(kMaxPages) +
                             " pages: expected total_pages or last_page to say when it ends");
    const std::string page_url =
        base + "/services?page=" + std::to_string(page) + "&per_page=" + std::to_string(kPerPage);
    auto answer = fetch(page_url);
    if (!answer) return tl::unexpected(answer.error());
    if (!success(answer->status))
      return fail("url", page_url + " " + answered(*answer) +
                             ": expected 200 and a page of services; give the address of an Open Referral UK "
                             "feed, such as https://example.org/api/oruk/");
    auto parsed = interop::oruk::parse_service_page(answer->body);
    if (!parsed) return fail("url", page_url + " " + answered(*answer) + ": " + parsed.error().first_message());
    if (page == 1 && parsed->total_pages)
      total_pages = static_cast<std::size_t>(std::max<std::int64_t>(0, *parsed->total_pages));
    const bool empty = parsed->items.empty();
    for (std::size_t i = 0; i < parsed->items.size(); ++i) listed.push_back({std::move(parsed->items[i]), page_url, i});
    if (progress) progress("pages read", page, std::max(total_pages, page));
    if (empty || parsed->last_page || (total_pages != 0 && page >= total_pages)) break;
  }

  interop::oruk::ParsedFeed feed;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const auto& l = listed[i];
    if (!l.item.full_json.empty()) {
      interop::oruk::add_service_text(feed, l.item.full_json, i,
                                      l.page_url + " contents[" + std::to_string(l.position) + "]", today);
    } else if (!is_uuid(l.item.id)) {
      feed.rejected.push_back({i, l.item.id, l.item.name, l.page_url + " contents[" + std::to_string(l.position) + "]",
                               Error("id", "id must be a lower-case UUID, not " + l.item.id)});
    } else {
      const std::string service_url = base + "/services/" + l.item.id;
      auto answer = fetch(service_url);
      if (!answer) return tl::unexpected(answer.error());
      if (success(answer->status)) {
        interop::oruk::add_service_text(feed, answer->body, i, service_url, today);
      } else {
        feed.rejected.push_back({i, l.item.id, l.item.name, service_url,
                                 Error("service", "The service's record " + answered(*answer) +
                                                      ": expected 200 and the service (service.json)")});
      }
    }
    if (progress && ((i + 1) % 50 == 0 || i + 1 == listed.size())) progress("services fetched", i + 1, listed.size());
  }
  if (listed.empty()) return fail("url", base + "/services lists no services: there is nothing to import");
  return feed;
}

}  // namespace tandem::app
