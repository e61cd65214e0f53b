#include "app/http_get.h"

#include <memory>
#include <mutex>

#include <curl/curl.h>

namespace tandem::app {

namespace {

struct Sink {
  std::string* body;
  std::size_t max_bytes;
  bool too_long = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body->size() + n > sink->max_bytes) {
    sink->too_long = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body->append(data, n);
  return n;
}

}  // namespace

Result<HttpAnswer> http_get(const std::string& url, const HttpOptions& options) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  HttpAnswer answer;
  Sink sink{&answer.body, options.max_bytes};
  char error[CURL_ERROR_SIZE] = {};
  const std::string accept = std::string("Accept: ") + options.accept;
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(curl_slist_append(nullptr, accept.c_str()),
                                                                      curl_slist_free_all);
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever compression curl was built with
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Tandem (Open Referral UK import)");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

  const CURLcode code = curl_easy_perform(c);
  if (sink.too_long)
    return fail("url", url + " answered more than " + std::to_string(options.max_bytes >> 20) +
                           " MiB: that is not one page of a directory");
  if (code == CURLE_OPERATION_TIMEDOUT)
    return fail("url", url + " did not answer within " + std::to_string(options.timeout.count()) +
                           (options.timeout.count() == 1 ? " second" : " seconds") +
                           ": check the address, or allow longer with --timeout");
  if (code != CURLE_OK) {
    const std::string why = error[0] != '\0' ? error : curl_easy_strerror(code);
    return fail("url", "Cannot fetch " + url + ": " + why);
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &answer.status);
  if (char* type = nullptr; curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type != nullptr)
    answer.content_type = type;
  if (char* effective = nullptr;
      curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective != nullptr)
    answer.url = effective;
  else
    answer.url = url;
  return answer;
}

}  // namespace tandem::app
