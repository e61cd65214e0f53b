// The HTTP/1.1 server: accepts connections on I/O threads, parses requests
// with size limits and deadlines, and runs the handler on a separate worker
// pool so a slow handler (a password hash, a database write) never stalls I/O.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "web/http.h"

namespace tandem::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port; see HttpServer::port()
  int io_threads = 1;
  int worker_threads = 16;
  std::size_t body_limit = std::size_t{1024} * 1024;
  std::chrono::seconds read_timeout{30};
};

class HttpServer {
 public:
  // Binds at once; throws std::runtime_error if the address cannot be bound.
  HttpServer(ServerOptions options, Handler handler);
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  ~HttpServer();

  std::uint16_t port() const;
  // Serves until stop() or SIGINT/SIGTERM; returns once connections are closed.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tandem::web
