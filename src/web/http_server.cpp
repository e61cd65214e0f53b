// The only file that compiles Boost.Beast and Asio (they cost a minute of
// compile time per file on two cores).
#include "web/http_server.h"

#include <atomic>
#include <cctype>
#include <optional>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace tandem::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

Request to_request(const http::request<http::string_body>& in, const std::string& remote) {
  Request r;
  r.method = std::string(in.method_string());
  const auto raw_target = in.target();
  const std::string_view target(raw_target.data(), raw_target.size());
  const auto q = target.find('?');
  r.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) r.query = std::string(target.substr(q + 1));
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [it, inserted] = r.headers.emplace(std::move(name), std::string(field.value()));
    if (!inserted) it->second += (it->first == "cookie" ? "; " : ", ") + std::string(field.value());
  }
  r.body = in.body();
  r.remote_address = remote;
  return r;
}

http::response<http::string_body> to_beast(Response&& out, unsigned version, bool keep_alive, bool head) {
  http::response<http::string_body> res{static_cast<http::status>(out.status), version};
  res.set(http::field::server, "Tandem");
  for (auto& [name, value] : out.headers) res.insert(name, value);
  res.body() = std::move(out.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  if (head) res.body().clear();
  return res;
}

Response plain(int status, std::string text) {
  Response r;
  r.status = status;
  r.set("Content-Type", "text/plain; charset=utf-8");
  r.body = std::move(text);
  return r;
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, const ServerOptions& options, const Handler& handler, asio::thread_pool& workers)
      : stream_(std::move(socket)), options_(options), handler_(handler), workers_(workers) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
  }

  void start() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(options_.body_limit);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(options_.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::connection_reset) {
      return close();
    }
    if (ec == http::error::body_limit) {
      return reply(plain(413, "The request is larger than Tandem accepts (" +
                                  std::to_string(options_.body_limit / 1024) + " KiB).\n"),
                   11, false, false);
    }
    if (ec) return reply(plain(400, "Malformed HTTP request.\n"), 11, false, false);

    auto message = parser_->release();
    const unsigned version = message.version();
    const bool keep_alive = message.keep_alive();
    const bool head = message.method() == http::verb::head;
    stream_.expires_never();
    // The handler may block (database, password hashing): run it on the worker
    // pool and come back to this connection's strand to write.
    asio::post(workers_, [self = shared_from_this(), request = to_request(message, remote_), version, keep_alive,
                          head]() mutable {
      Response out;
      try {
        out = self->handler_(request);
      } catch (const std::exception& e) {
        spdlog::error("unhandled error on {} {}: {}", request.method, request.path, e.what());
        out = plain(500, "Something went wrong on our side. The error has been logged; please try again.\n");
      }
      asio::post(self->stream_.get_executor(), [self, out = std::move(out), version, keep_alive, head]() mutable {
        self->reply(std::move(out), version, keep_alive, head);
      });
    });
  }

  void reply(Response&& out, unsigned version, bool keep_alive, bool head) {
    response_ =
        std::make_shared<http::response<http::string_body>>(to_beast(std::move(out), version, keep_alive, head));
    stream_.expires_after(options_.read_timeout);
    http::async_write(stream_, *response_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
      if (ec || !keep_alive) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  const ServerOptions& options_;
  const Handler& handler_;
  asio::thread_pool& workers_;
  std::string remote_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> response_;
};

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  Handler handler;
  asio::io_context io;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;

  Impl(ServerOptions o, Handler h)
      : options(std::move(o)),
        handler(std::move(h)),
        io(options.io_threads),
        workers(static_cast<std::size_t>(options.worker_threads)),
        acceptor(asio::make_strand(io)),
        signals(io, SIGINT, SIGTERM) {
    const tcp::endpoint endpoint{asio::ip::make_address(options.address), options.port};
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
  }

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Connection>(std::move(socket), options, handler, workers)->start();
      }
      accept();
    });
  }
};

HttpServer::HttpServer(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() { impl_->workers.join(); }

std::uint16_t HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void HttpServer::run() {
  impl_->signals.async_wait([this](beast::error_code, int) { stop(); });
  impl_->accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.io_threads; ++i) threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : threads) t.join();
  impl_->workers.join();
}

void HttpServer::stop() {
  asio::post(impl_->io, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->signals.cancel(ignored);
    impl_->io.stop();
  });
}

}  // namespace tandem::web
