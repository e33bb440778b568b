#include "http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>

namespace parley::serve {
namespace {

// Waits until `sock` can be read (or written) for at most `timeout`; false on a timeout or an error.
bool wait_for(socket_t sock, short events, std::chrono::milliseconds timeout) {
  pollfd descriptor{sock, events, 0};
  int ready = 0;
  do {
    ready = ::poll(&descriptor, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  return ready > 0 && (descriptor.revents & (events | POLLHUP)) != 0;
}

void address_of(socket_t sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  if ((peer ? ::getpeername(sock, raw, &length) : ::getsockname(sock, raw, &length)) != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto* v4 =
        reinterpret_cast<const sockaddr_in*>(&address);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* v6 =
        reinterpret_cast<const sockaddr_in6*>(&address);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    port = ntohs(v6->sin6_port);
  }
  ip = text;
}

// A connection's socket as cpp-httplib reads and writes it, with a budget of bytes per request: past
// it, reading fails, and cpp-httplib ends the request and the connection.
class BoundedStream final : public httplib::Stream {
 public:
  BoundedStream(socket_t sock, std::chrono::milliseconds read_timeout, std::chrono::milliseconds write_timeout)
      : sock_(sock), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

  void allow(std::size_t bytes) { left_ = bytes; }

  [[nodiscard]] bool is_readable() const override { return wait_for(sock_, POLLIN, read_timeout_); }
  [[nodiscard]] bool is_writable() const override { return wait_for(sock_, POLLOUT, write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (left_ == 0 || !is_readable()) return -1;
    ssize_t got = 0;
    do {
      got = ::recv(sock_, ptr, std::min(size, left_), 0);
    } while (got < 0 && errno == EINTR);
    if (got > 0) left_ -= static_cast<std::size_t>(got);
    return got;
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t sent = 0;
    do {
      sent = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address_of(sock_, false, ip, port); }
  [[nodiscard]] socket_t socket() const override { return sock_; }

 private:
  socket_t sock_;
  std::chrono::milliseconds read_timeout_;
  std::chrono::milliseconds write_timeout_;
  std::size_t left_ = 0;
};

std::chrono::milliseconds duration(time_t seconds, time_t microseconds) {
  return std::chrono::milliseconds(seconds * 1000 + microseconds / 1000);
}

}  // namespace

void HttpServer::raise_backlog() const {
  const socket_t socket = svr_sock_;
  if (socket != INVALID_SOCKET) (void)::listen(socket, SOMAXCONN);
}

// As cpp-httplib's own: requests on one connection while it is kept alive, then the socket is closed.
bool HttpServer::process_and_close_socket(socket_t sock) {
  BoundedStream stream(sock, duration(read_timeout_sec_, read_timeout_usec_),
                       duration(write_timeout_sec_, write_timeout_usec_));
  bool kept = false;
  for (std::size_t count = keep_alive_max_count_; count > 0; --count) {
    // Wait for the next request a little at a time, so that a stopping server does not wait out the
    // keep-alive timeout.
    bool readable = false;
    for (time_t waited = 0; waited < keep_alive_timeout_sec_ * 10 && svr_sock_ != INVALID_SOCKET; ++waited) {
      if ((readable = wait_for(sock, POLLIN, std::chrono::milliseconds(100)))) break;
    }
    if (!readable) break;
    stream.allow(request_limit_);
    bool connection_closed = false;
    kept = process_request(stream, count == 1, connection_closed, nullptr);
    if (!kept || connection_closed) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return kept;
}

}  // namespace parley::serve
