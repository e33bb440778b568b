#include "server.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <array>
#include <memory>
#include <random>
#include <thread>

#include "api.hpp"
#include "assets.hpp"
#include "http_server.hpp"
#include "parley/errors.hpp"
#include "parley/limits.hpp"
#include "parley/version.hpp"

namespace parley::serve {
namespace {

using Json = nlohmann::ordered_json;

// 128 bits from the system's random source, as hex.
std::string random_token() {
  std::random_device source;
  std::string token;
  for (int i = 0; i < 4; ++i) token += fmt::format("{:08x}", source());
  return token;
}

void reply(httplib::Response& response, const JobOutcome& outcome) {
  response.status = outcome.status;
  if (outcome.content_type.empty()) {
    response.set_content(outcome.body.dump(), "application/json");
  } else {
    response.set_content(outcome.bytes, outcome.content_type);
  }
}

void refuse(httplib::Response& response, int status, const std::string& message) {
  reply(response, {status, {{"error", message}}});
}

// Compares two strings in time that does not depend on where they first differ.
bool same_secret(const std::string& given, const std::string& expected) {
  if (given.size() != expected.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return difference == 0;
}

std::uint64_t job_id(const httplib::Request& request) {
  const std::string text = request.matches[1];
  return std::strtoull(text.c_str(), nullptr, 10);
}

// 503 with Retry-After: the queue is full.
void refuse_busy(httplib::Response& response, const JobLimits& limits) {
  response.set_header("Retry-After", "2");
  refuse(response, 503,
         fmt::format("the server is busy: {} jobs run and {} wait, its limit; try again shortly", limits.running,
                     limits.queued));
}

}  // namespace

bool loopback_host(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr address{};  // an IPv4 literal in 127.0.0.0/8, not a name that starts with "127." (127.evil.example)
  return ::inet_pton(AF_INET, host.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24U) == 127U;
}

Server::Server(ServerOptions options)
    : options_(std::move(options)),
      job_threads_(std::max(1U, checked_threads(options_.threads) /
                                    static_cast<unsigned>(std::max<std::size_t>(1, options_.jobs.running)))),
      jobs_(options_.jobs),
      http_(std::make_unique<HttpServer>()) {
  if (options_.token.empty()) options_.token = random_token();
  route();
}

Server::~Server() {
  stop();
}

int Server::bind() {
  if (options_.port == 0) {
    port_ = http_->bind_to_any_port(options_.host);
    if (port_ <= 0) throw UsageError(fmt::format("--host {}: cannot listen there", options_.host));
  } else {
    if (!http_->bind_to_port(options_.host, options_.port)) {
      throw UsageError(
          fmt::format("--host {} --port {}: cannot listen there (is the port in use? --port 0 "
                      "takes a free one)",
                      options_.host, options_.port));
    }
    port_ = options_.port;
  }
  http_->raise_backlog();
  return port_;
}

void Server::listen() {
  http_->listen_after_bind();
}

void Server::stop() {
  jobs_.close();  // so that no request waiting for a job, or following one, holds the server up
  if (http_->is_running()) http_->stop();
}

std::string Server::url() const {
  const std::string host = options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
  return fmt::format("http://{}:{}/?token={}", host, port_, options_.token);
}

bool Server::allowed_host(const std::string& host) const {
  if (host.empty()) return true;  // HTTP/1.0 without Host: no browser sends that
  const auto colon = host.rfind(':');
  const std::string name = colon == std::string::npos || host.ends_with(']') ? host : host.substr(0, colon);
  if (loopback_host(name)) return true;
  // Served on another address on purpose: a DNS name pointing at it is the user's choice.
  return !loopback_host(options_.host);
}

// A browser sends Origin with every request a page makes across sites (and with same-site POSTs): it
// must name the very host and port the request was sent to, i.e. this server as the page reached it.
bool same_origin(const std::string& origin, const std::string& host) {
  return origin.empty() || (!host.empty() && origin == fmt::format("http://{}", host));
}

void Server::route() {
  httplib::Server& http = *http_;
  http.set_payload_max_length(options_.max_body);
  http_->set_request_limit(options_.max_body + (64U << 10U));  // the body and 64 KB of line and headers
  http.set_read_timeout(options_.io_timeout);
  http.set_write_timeout(options_.io_timeout);
  http.set_keep_alive_timeout(5);
  const std::size_t connections = options_.connections;
  http.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"Cache-Control", "no-store"},
                            {"Content-Security-Policy",
                             "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                             "frame-ancestors 'none'"}});

  // Before any body is read: a request the server takes no body from, a compressed body (cpp-httplib
  // inflates it before any limit applies: a 0.5 MB gzip became 500 MB) and a body of unknown length are
  // refused, each on a connection that is then closed, so that no unread body is taken for a request.
  // Then every API call: the Host is this server's (no DNS rebinding), the Origin, when a browser sends
  // one, is this server's, and the token matches (X-Parley-Token, or ?token=).
  http.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    const auto refuse_and_close = [&](int status, const std::string& message) {
      response.set_header("Connection", "close");
      refuse(response, status, message);
      return httplib::Server::HandlerResponse::Handled;
    };
    if (!allowed_host(request.get_header_value("Host"))) {
      return refuse_and_close(403, "this server answers only to its own host name");
    }
    const bool reading = request.method == "GET" || request.method == "HEAD";
    if (!reading && !request.path.starts_with("/api/")) {
      return refuse_and_close(405, "the page takes GET only");
    }
    if (request.has_header("Content-Encoding")) {
      return refuse_and_close(415, "compressed request bodies are not taken");
    }
    if (!reading && request.has_header("Transfer-Encoding")) {
      return refuse_and_close(411, "send the body with a Content-Length");
    }
    if (!request.path.starts_with("/api/")) return httplib::Server::HandlerResponse::Unhandled;
    if (!same_origin(request.get_header_value("Origin"), request.get_header_value("Host"))) {
      return refuse_and_close(403, "requests from another site are refused");
    }
    std::string token = request.get_header_value("X-Parley-Token");
    if (token.empty()) token = request.get_param_value("token");
    if (!same_secret(token, options_.token)) {
      return refuse_and_close(401, "missing or wrong token: open the address `parley serve` printed, with its ?token=");
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
    std::string what = "unknown";
    try {
      std::rethrow_exception(std::move(error));
    } catch (const std::exception& exception) {
      what = exception.what();
    } catch (...) {  // NOLINT(bugprone-empty-catch): reported below
    }
    refuse(response, 500, fmt::format("internal error: {}", what));
  });
  http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    if (response.status == 413) {
      refuse(response, 413, "the request is larger than the server takes (--max-body)");
    } else if (response.status == 404) {
      refuse(response, 404, "no such page or API call");
    }
  });

  // The page: exactly the embedded files, by name; nothing else.
  const auto serve_asset = [](const std::string& name, httplib::Response& response) {
    const Asset* asset = find_asset(name);
    if (asset == nullptr) {
      refuse(response, 404, "no such page or API call");
      return;
    }
    response.set_content(asset->bytes.data(), asset->bytes.size(), content_type(name));
  };
  http.Get("/", [serve_asset](const httplib::Request&, httplib::Response& response) {
    serve_asset("index.html", response);
  });
  http.Get("/static/(.+)", [serve_asset](const httplib::Request& request, httplib::Response& response) {
    serve_asset(request.matches[1], response);
  });

  http.Get("/api/version", [this](const httplib::Request&, httplib::Response& response) {
    const auto [running, waiting] = jobs_.load();
    reply(response, {200,
                     {{"engine", "parley"},
                      {"version", kVersion},
                      {"commit", kCommit},
                      {"jobs", {{"running", running}, {"waiting", waiting}}},
                      {"limits",
                       {{"max_body", options_.max_body},
                        {"running", options_.jobs.running},
                        {"queued", options_.jobs.queued},
                        {"time_limit_seconds", options_.jobs.time_limit.count()}}}}});
  });
  http.Get("/api/scenarios",
           [](const httplib::Request&, httplib::Response& response) { reply(response, list_scenarios()); });
  http.Get("/api/scenarios/([A-Za-z0-9_.-]+)", [](const httplib::Request& request, httplib::Response& response) {
    reply(response, embedded_scenario(request.matches[1]));
  });
  http.Get("/api/models", [](const httplib::Request&, httplib::Response& response) { reply(response, list_models()); });
  http.Post("/api/validate", [](const httplib::Request& request, httplib::Response& response) {
    reply(response, validate_scenario(request.body));
  });

  // A request is read (its scenario loaded and checked) before it is queued, so that a malformed one is
  // answered at once and never takes a place in the queue.
  const auto read_input = [this](const httplib::Request& request, httplib::Response& response) {
    std::shared_ptr<const RunInput> input;
    const JobOutcome refused = answer([&] {
      input = std::make_shared<const RunInput>(read_run_input(request.body, job_threads_, options_.jobs.running));
      return JobOutcome{};
    });
    if (!input) reply(response, refused);
    return input;
  };
  // A run or an archive: queued like every job, answered when done.
  const auto run_now = [this, read_input](const std::string& kind, const httplib::Request& request,
                                          httplib::Response& response, auto make) {
    const auto input = read_input(request, response);
    if (!input) return;
    auto job = jobs_.submit(kind, [input, make](Job&) { return answer([&] { return make(*input); }); });
    if (!job) return refuse_busy(response, options_.jobs);
    while (!job->wait_for(std::chrono::milliseconds(200))) {
    }
    reply(response, job->outcome());
    jobs_.forget(job->id());
  };
  http.Post("/api/run", [run_now](const httplib::Request& request, httplib::Response& response) {
    run_now("run", request, response, [](const RunInput& input) { return run_outcome(input); });
  });
  http.Post("/api/download", [run_now](const httplib::Request& request, httplib::Response& response) {
    run_now("download", request, response, [](const RunInput& input) {
      return JobOutcome{200, {}, run_archive(input), "application/zip"};
    });
    if (response.status == 200) {
      response.set_header("Content-Disposition", "attachment; filename=\"parley-run.zip\"");
    }
  });

  // Monte Carlo and sensitivity: jobs answered at once with their id; their progress is polled or
  // streamed.
  const auto queue_job = [this, read_input](const std::string& kind, const httplib::Request& request,
                                            httplib::Response& response, auto compute) {
    const auto input = read_input(request, response);
    if (!input) return;
    const unsigned threads = job_threads_;
    auto job = jobs_.submit(
        kind, [input, threads, compute](Job& self) { return answer([&] { return compute(*input, threads, self); }); });
    if (!job) return refuse_busy(response, options_.jobs);
    reply(response, {202, job->status(false)});
  };
  http.Post("/api/mc", [queue_job](const httplib::Request& request, httplib::Response& response) {
    queue_job("mc", request, response, mc_outcome);
  });
  http.Post("/api/sensitivity", [queue_job](const httplib::Request& request, httplib::Response& response) {
    queue_job("sensitivity", request, response, sensitivity_outcome);
  });
  http.Get(R"(/api/jobs/(\d+))", [this](const httplib::Request& request, httplib::Response& response) {
    const auto job = jobs_.find(job_id(request));
    if (!job) return refuse(response, 404, "no such job (finished jobs are kept for a while only)");
    reply(response, {200, job->status(true)});
  });
  http.Delete(R"(/api/jobs/(\d+))", [this](const httplib::Request& request, httplib::Response& response) {
    const auto job = jobs_.find(job_id(request));
    if (!job) return refuse(response, 404, "no such job (finished jobs are kept for a while only)");
    job->cancel();
    reply(response, {202, job->status(false)});
  });
  // Server-sent events: the job's status about five times a second, the last one with its result.
  http.Get(R"(/api/jobs/(\d+)/events)", [this](const httplib::Request& request, httplib::Response& response) {
    auto job = jobs_.find(job_id(request));
    if (!job) return refuse(response, 404, "no such job (finished jobs are kept for a while only)");
    response.set_header("X-Accel-Buffering", "no");
    response.set_chunked_content_provider("text/event-stream", [job](std::size_t, httplib::DataSink& sink) {
      const bool finished = job->wait_for(std::chrono::milliseconds(200));
      const std::string event = fmt::format("data: {}\n\n", job->status(finished).dump());
      if (!sink.write(event.data(), event.size())) return false;
      if (finished) sink.done();
      return true;
    });
  });
}

}  // namespace parley::serve
