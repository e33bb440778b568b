#pragma once
// cpp-httplib's server with two repairs of version 0.11.4 (Debian 12's), both found by tests:
// - its listen backlog of 5 connections drops connections under a burst of clients (50 at once lost
//   some): raise_backlog() lifts it to the system's maximum;
// - it reads a request line of any length, and a body without a Content-Length, into memory before
//   any handler can refuse them (a 200 MB line grew the server by 260 MB, with no token): each
//   connection here reads through a stream that refuses more than `request_limit` bytes per request.

#include <httplib.h>

#include <cstddef>

namespace parley::serve {

class HttpServer : public httplib::Server {
 public:
  // Bytes a request may take from the socket, its line and headers included.
  void set_request_limit(std::size_t bytes) { request_limit_ = bytes; }
  void raise_backlog() const;

 private:
  bool process_and_close_socket(socket_t sock) override;

  std::size_t request_limit_ = 8U << 20U;
};

}  // namespace parley::serve
