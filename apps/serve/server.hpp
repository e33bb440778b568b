#pragma once
// `parley serve`: the workbench's HTTP server (docs/web.md, docs/api-http.md). It serves the embedded
// page and the JSON API on one port, localhost by default. Every API call must carry the token made
// at start (as Jupyter does) and, when a browser sends one, an Origin of this server; bodies and
// connections are limited in size and time; runs go through a bounded job queue.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "jobs.hpp"

namespace parley::serve {

class HttpServer;  // http_server.hpp

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8470;                      // 0: any free port
  std::string token;                    // "": a random one
  std::size_t max_body = 8U << 20U;     // bytes; a larger request gets 413
  std::chrono::seconds io_timeout{30};  // reading a request, writing a response
  std::size_t connections = 32;         // requests handled at once (an event stream holds one)
  unsigned threads = 0;                 // cores the jobs share (0: every core)
  JobLimits jobs;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the port (a free one when options.port is 0) and returns it. Throws UsageError when it cannot.
  int bind();
  // Serves until stop(); call bind() first.
  void listen();
  void stop();

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::string& token() const { return options_.token; }
  // The page's address with the token: what to open in a browser.
  [[nodiscard]] std::string url() const;
  [[nodiscard]] JobQueue& jobs() { return jobs_; }

 private:
  void route();
  [[nodiscard]] bool allowed_host(const std::string& host) const;

  ServerOptions options_;
  int port_ = 0;
  unsigned job_threads_ = 1;
  JobQueue jobs_;
  std::unique_ptr<HttpServer> http_;
};

// Whether a request's Origin (empty: none sent) is the server it was sent to, named by its Host.
[[nodiscard]] bool same_origin(const std::string& origin, const std::string& host);

// True for 127.0.0.1, ::1, localhost and the rest of 127.0.0.0/8.
[[nodiscard]] bool loopback_host(const std::string& host);

}  // namespace parley::serve
