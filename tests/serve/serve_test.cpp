// HTTP-level tests of `parley serve` (docs/api-http.md): the server in this process on a free port,
// called through cpp-httplib's client or, for requests no polite client sends, a raw socket.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "archive.hpp"
#include "server.hpp"
#include "support/process.hpp"

namespace parley::serve {
namespace {

using nlohmann::json;
using test::read_text;

// A server on a free port of 127.0.0.1, serving on a thread of its own for the test's life.
class Served {
 public:
  explicit Served(ServerOptions options = {}) : server_((options.port = 0, std::move(options))) {
    port_ = server_.bind();
    thread_ = std::thread([this] { server_.listen(); });
    for (int i = 0; i < 500 && !ready(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~Served() {
    server_.stop();
    thread_.join();
  }
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;

  [[nodiscard]] httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(std::chrono::seconds(120));
    return client;
  }
  [[nodiscard]] httplib::Headers auth() const { return {{"X-Parley-Token", server_.token()}}; }
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::string& token() const { return server_.token(); }

  // POST PATH with a JSON body and the token.
  [[nodiscard]] httplib::Result post(const std::string& path, const json& body) const {
    return client().Post(path.c_str(), auth(), body.dump(), "application/json");
  }
  [[nodiscard]] httplib::Result get(const std::string& path) const { return client().Get(path.c_str(), auth()); }

 private:
  [[nodiscard]] bool ready() const {
    httplib::Client probe("127.0.0.1", port_);
    return static_cast<bool>(probe.Get("/"));
  }

  Server server_;
  int port_ = 0;
  std::thread thread_;
};

// Sends `request` as it is on a new connection and returns the status code of the answer (0: none).
int raw_status(int port, const std::string& request, std::size_t body_bytes = 0) {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return 0;  // NOLINT
  (void)::send(socket, request.data(), request.size(), MSG_NOSIGNAL);
  const std::string chunk(std::min<std::size_t>(body_bytes, 65536), 'x');
  for (std::size_t sent = 0; sent < body_bytes; sent += chunk.size()) {
    if (::send(socket, chunk.data(), chunk.size(), MSG_NOSIGNAL) < 0) break;  // the server closed it
  }
  std::string answer(256, '\0');
  const auto got = ::recv(socket, answer.data(), answer.size(), 0);
  ::close(socket);
  if (got < 12 || !answer.starts_with("HTTP/1.1 ")) return 0;
  return std::stoi(answer.substr(9, 3));
}

json body_of(const httplib::Result& result) {
  EXPECT_TRUE(result) << "no answer";
  return json::parse(result->body);
}

TEST(Serve, ApiCallsNeedTheToken) {
  const Served served;
  auto client = served.client();
  EXPECT_EQ(client.Get("/api/scenarios")->status, 401);
  EXPECT_EQ(client.Get("/api/scenarios", {{"X-Parley-Token", "0123"}})->status, 401);
  EXPECT_EQ(client.Get("/api/scenarios", {{"X-Parley-Token", served.token() + "0"}})->status, 401);
  EXPECT_EQ(client.Post("/api/run", "{}", "application/json")->status, 401);
  const auto listed = served.get("/api/scenarios");
  ASSERT_EQ(listed->status, 200);
  EXPECT_EQ(body_of(listed)["scenarios"][0]["name"], "pakistan-2023");
  EXPECT_EQ(client.Get(("/api/models?token=" + served.token()).c_str())->status, 200);
  EXPECT_EQ(client.Get("/")->status, 200);  // the page itself holds no secret: it reads the token from its address
}

TEST(Serve, ForeignOriginsAndHostsAreRefused) {
  const Served served;
  auto client = served.client();
  auto headers = served.auth();
  headers.emplace("Origin", "http://evil.example");
  EXPECT_EQ(client.Get("/api/models", headers)->status, 403);
  headers = served.auth();
  headers.emplace("Origin", "http://127.0.0.1:" + std::to_string(served.port() + 1));
  EXPECT_EQ(client.Post("/api/run", headers, "{}", "application/json")->status, 403);
  headers = served.auth();
  headers.emplace("Origin", "http://127.0.0.1:" + std::to_string(served.port()));
  EXPECT_EQ(client.Post("/api/validate", headers, R"({"yaml": "x"})", "application/json")->status, 200);
  // The page reached as localhost: its Origin and Host agree.
  headers = served.auth();
  headers.emplace("Origin", "http://localhost:" + std::to_string(served.port()));
  headers.emplace("Host", "localhost:" + std::to_string(served.port()));
  EXPECT_EQ(client.Get("/api/models", headers)->status, 200);
  EXPECT_TRUE(same_origin("", "127.0.0.1:8470"));
  EXPECT_TRUE(same_origin("http://192.168.1.5:8470", "192.168.1.5:8470"));  // served with --host
  EXPECT_FALSE(same_origin("http://evil.example", "127.0.0.1:8470"));
  EXPECT_FALSE(same_origin("http://127.0.0.1:8470", ""));
  EXPECT_FALSE(same_origin("null", "127.0.0.1:8470"));  // a sandboxed frame or a file:// page
  // DNS rebinding: a page of another name that resolves to 127.0.0.1.
  for (const char* name : {"evil.example", "127.evil.example", "127.0.0.1.nip.io"}) {
    const std::string rebound =
        std::string("GET / HTTP/1.1\r\nHost: ") + name + ":" + std::to_string(served.port()) + "\r\n\r\n";
    EXPECT_EQ(raw_status(served.port(), rebound), 403) << name;
  }
  EXPECT_TRUE(loopback_host("127.0.0.1"));
  EXPECT_TRUE(loopback_host("127.1.2.3"));
  EXPECT_TRUE(loopback_host("localhost"));
  EXPECT_TRUE(loopback_host("[::1]"));
  EXPECT_FALSE(loopback_host("127.evil.example"));
  EXPECT_FALSE(loopback_host("128.0.0.1"));
}

TEST(Serve, StaticRoutesServeOnlyTheEmbeddedFiles) {
  const Served served;
  auto client = served.client();
  const auto page = client.Get("/");
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("/static/app.js"), std::string::npos);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(client.Get("/static/app.js")->status, 200);
  EXPECT_EQ(client.Get("/static/app.css")->status, 200);
  for (const char* path :
       {"/static/../../etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static//etc/passwd", "/etc/passwd", "/static/app.js/../../../etc/passwd"}) {
    const std::string request = std::string("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const int status = raw_status(served.port(), request);
    EXPECT_TRUE(status == 404 || status == 400) << path << ": " << status;
  }
}

TEST(Serve, RequestsLargerThanTheLimitAreRefused) {
  ServerOptions options;
  options.max_body = 1U << 20U;
  const Served served(options);
  // 100 MB announced: refused from the header, before the body is read.
  const std::string header =
      "POST /api/run HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "X-Parley-Token: " +
      served.token() + "\r\nContent-Length: 104857600\r\n\r\n";
  EXPECT_EQ(raw_status(served.port(), header, 104857600), 413);
  // Bodies whose size the server cannot know before reading them are refused before they are read: a
  // compressed one (a 0.5 MB gzip of zeros is 500 MB inflated), one sent in chunks, and any body sent
  // to the page rather than the API.
  const std::string api =
      "POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "X-Parley-Token: " +
      served.token() + "\r\n";
  EXPECT_EQ(raw_status(served.port(), api + "Content-Encoding: gzip\r\nContent-Length: 1000000\r\n\r\n", 1000000), 415);
  EXPECT_EQ(raw_status(served.port(), api + "Transfer-Encoding: chunked\r\n\r\n", 1000000), 411);
  EXPECT_EQ(raw_status(served.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n", 1000000),
            405);
  EXPECT_EQ(raw_status(served.port(),
                       "POST /static/app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: "
                       "chunked\r\n\r\n",
                       1000000),
            405);
  // Just over the limit, sent in full by a client.
  const std::string big = json{{"yaml", std::string((1U << 20U) + 10, ' ')}}.dump();
  const auto result = served.client().Post("/api/validate", served.auth(), big, "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
}

TEST(Serve, ValidationErrorsAreLocated) {
  const Served served;
  std::string yaml = read_text(test::source_dir() / "scenarios/pakistan-2023.yaml");
  const std::string stance = "us_airspace: {position: 35, salience: 0.5,";
  const auto at = yaml.find(stance);
  ASSERT_NE(at, std::string::npos);
  yaml.replace(at, stance.size(), "us_airspace: {position: 35, salience: 1.7,");
  const int line = static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
  const auto result = served.post("/api/validate", {{"yaml", yaml}, {"file", "edited.yaml"}});
  ASSERT_EQ(result->status, 200);
  const json body = body_of(result);
  EXPECT_FALSE(body["ok"]);
  ASSERT_EQ(body["errors"].size(), 1U);
  const json& error = body["errors"][0];
  EXPECT_EQ(error["file"], "edited.yaml");
  EXPECT_EQ(error["line"], line);
  EXPECT_GT(error["column"].get<int>(), 1);
  EXPECT_EQ(error["path"], "actors[1].stances.us_airspace.salience");
  EXPECT_NE(error["message"].get<std::string>().find("1.7"), std::string::npos) << error["message"];
  // The same text as a run: 422 with the same diagnostics.
  const auto run = served.post("/api/run", {{"yaml", yaml}, {"file", "edited.yaml"}});
  EXPECT_EQ(run->status, 422);
  EXPECT_EQ(body_of(run)["diagnostics"], body["errors"]);
  // A YAML syntax error.
  const json broken = body_of(served.post("/api/validate", {{"yaml", "parley: 1\nactors: [\n"}}));
  EXPECT_FALSE(broken["ok"]);
  EXPECT_GT(broken["errors"][0]["line"].get<int>(), 0);
}

TEST(Serve, MalformedRequestsAreRefusedWithTheirReason) {
  const Served served;
  auto client = served.client();
  const auto expect = [&](const std::string& body, int status, const std::string& words) {
    const auto result = client.Post("/api/run", served.auth(), body, "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, status) << body;
    EXPECT_NE(json::parse(result->body)["error"].get<std::string>().find(words), std::string::npos)
        << body << ": " << result->body;
  };
  expect("not json", 400, "not JSON");
  expect("[1, 2]", 400, "JSON object");
  expect(R"({"modles": ["nash"]})", 400, "unknown key 'modles'");
  expect(R"({"models": "nash"})", 400, "'models' must be a list");
  expect(R"({"seed": -1})", 400, "'seed' must be a whole number");
  expect(R"({"seed": "12x"})", 400, "'seed' must be a whole number");
  expect(R"({"at": "2023-02-30"})", 400, "2023-02-30");
  expect(R"({"models": ["nosuch"]})", 400, "nosuch");
  expect(R"({"params": ["nash.nosuch=1"]})", 400, "nosuch");
  expect(R"({"set": ["actors.XYZ.capability=1"]})", 400, "XYZ");
  expect(R"({"name": "nosuch"})", 404, "nosuch");
  expect(R"({"name": "pakistan-2023", "yaml": "x"})", 400, "not both");
  EXPECT_EQ(client.Get("/api/nosuch", served.auth())->status, 404);
  EXPECT_EQ(client.Get("/api/jobs/999", served.auth())->status, 404);
}

// The CLI's output folder of `parley run ARGS`, in a fresh folder named `name`.
std::filesystem::path cli_run(const std::string& name, std::vector<std::string> args) {
  const auto folder = test::fresh_directory(name);
  args.insert(args.begin(), "run");
  args.insert(args.end(), {"-q", "-o", "out"});
  const auto outcome = test::run_parley(args, folder);
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  return folder / "out";
}

// Every forecast of a run's body equals the CLI's forecast.csv: the text, and each number as a double.
void expect_same_forecasts(const json& body, const std::filesystem::path& folder) {
  const std::string csv = read_text(folder / "forecast.csv");
  EXPECT_EQ(body["files"]["forecast.csv"].get<std::string>(), csv);
  const json& table = body["tables"]["forecast"];
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  std::size_t row = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(row, table["rows"].size());
    const json& cells = table["rows"][row++];
    const auto first = line.find(',');
    const auto second = line.find(',', first + 1);
    const auto third = line.find(',', second + 1);
    EXPECT_EQ(cells[0].get<std::string>(), line.substr(0, first));
    EXPECT_EQ(cells[1].get<std::string>(), line.substr(first + 1, second - first - 1));
    const std::string forecast = line.substr(second + 1, third - second - 1);
    if (forecast.empty()) {
      EXPECT_TRUE(cells[2].is_null());
    } else {
      EXPECT_EQ(cells[2].get<double>(), std::stod(forecast)) << line;  // bit for bit
    }
  }
  EXPECT_EQ(row, table["rows"].size());
}

TEST(Serve, ARunEqualsTheCliBitForBit) {
  const Served served;
  const auto plain = served.post("/api/run", json::object());
  ASSERT_EQ(plain->status, 200) << plain->body;
  const json body = body_of(plain);
  expect_same_forecasts(body, cli_run("serve-run-default", {}));
  EXPECT_EQ(body["run"]["scenario"]["name"], "pakistan-2023");
  EXPECT_TRUE(body["run"].contains("answer"));
  for (const char* table : {"trajectories", "exchanges", "eum_moves", "smp_bargains"}) {
    EXPECT_TRUE(body["tables"].contains(table)) << table;
  }
  // The scenario as text, with models, parameters, a what-if, a date and a seed.
  const std::string yaml = read_text(test::source_dir() / "scenarios/pakistan-2023.yaml");
  const json request{{"yaml", yaml},
                     {"file", "pakistan-2023.yaml"},
                     {"models", {"eum", "exchange", "smp", "nash"}},
                     {"params", {"nash.utility=quadratic"}},
                     {"set", {"actors.PAK.stances.us_airspace.position=60"}},
                     {"at", "2022-12-01"},
                     {"seed", "99"}};
  const auto varied = served.post("/api/run", request);
  ASSERT_EQ(varied->status, 200) << varied->body;
  const json varied_body = body_of(varied);
  expect_same_forecasts(varied_body,
                        cli_run("serve-run-varied",
                                {(test::source_dir() / "scenarios/pakistan-2023.yaml").string(), "-m", "eum", "-m",
                                 "exchange", "-m", "smp", "-m", "nash", "-p", "nash.utility=quadratic", "--set",
                                 "actors.PAK.stances.us_airspace.position=60", "--at", "2022-12-01", "--seed", "99"}));
  EXPECT_EQ(varied_body["run"]["scenario"]["what_if"], json({"actors.PAK.stances.us_airspace.position=60"}));
}

TEST(Serve, TheSameRequestGivesTheSameResult) {
  const Served served;
  json first = body_of(served.post("/api/run", json::object()));
  json second = body_of(served.post("/api/run", json::object()));
  first["run"].erase("timings_seconds");
  second["run"].erase("timings_seconds");
  EXPECT_EQ(first, second);
}

TEST(Serve, TheDownloadIsTheRunFolder) {
  const Served served;
  const auto result = served.post("/api/download", json::object());
  ASSERT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/zip");
  const std::string& zip = result->body;
  const auto folder = cli_run("serve-download", {});
  // Stored entries: each file's bytes appear whole in the archive, after its name.
  for (const char* file : {"forecast.csv", "trajectories.csv", "exchanges.csv", "scenario.json"}) {
    const auto name = zip.find(std::string("parley-run/") + file);
    ASSERT_NE(name, std::string::npos) << file;
    const std::string content = read_text(folder / file);
    EXPECT_EQ(zip.compare(name + std::strlen("parley-run/") + std::strlen(file), content.size(), content), 0) << file;
  }
  EXPECT_NE(zip.find("parley-run/report.html"), std::string::npos);
  EXPECT_NE(zip.find("parley-run/run.json"), std::string::npos);
}

// Waits for job `id` to finish and returns its status with the result.
json finished_job(const Served& served, const std::string& id) {
  for (int i = 0; i < 6000; ++i) {
    json status = body_of(served.get("/api/jobs/" + id));
    if (status["state"] == "done" || status["state"] == "cancelled") return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "job " << id << " did not finish";
  return {};
}

TEST(Serve, MonteCarloStreamsProgressAndEqualsTheCli) {
  const Served served;
  const auto started = served.post("/api/mc", {{"samples", 120}, {"seed", 7}});
  ASSERT_EQ(started->status, 202) << started->body;
  const std::string id = body_of(started)["id"];
  // The event stream: statuses until the last, which carries the result.
  std::string stream;
  auto client = served.client();
  const auto events =
      client.Get(("/api/jobs/" + id + "/events").c_str(), served.auth(), [&](const char* data, std::size_t length) {
        stream.append(data, length);
        return true;
      });
  ASSERT_TRUE(events);
  EXPECT_EQ(events->get_header_value("Content-Type"), "text/event-stream");
  std::vector<json> statuses;
  for (std::size_t at = stream.find("data: "); at != std::string::npos; at = stream.find("data: ", at + 1)) {
    statuses.push_back(json::parse(stream.substr(at + 6, stream.find("\n\n", at) - at - 6)));
  }
  ASSERT_FALSE(statuses.empty());
  for (std::size_t i = 1; i < statuses.size(); ++i) {
    EXPECT_GE(statuses[i]["done"].get<std::uint64_t>(), statuses[i - 1]["done"].get<std::uint64_t>());
  }
  const json& last = statuses.back();
  ASSERT_EQ(last["state"], "done") << last.dump();
  EXPECT_EQ(last["done"], 120);
  EXPECT_EQ(last["total"], 120);
  // The summary equals the CLI's mc_summary.csv for the same samples and seed, bit for bit.
  const auto folder = test::fresh_directory("serve-mc");
  const auto outcome = test::run_parley({"mc", "-n", "120", "--seed", "7", "-q", "-o", "out"}, folder);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(last["result"]["files"]["mc_summary.csv"].get<std::string>(), read_text(folder / "out/mc_summary.csv"));
}

TEST(Serve, SensitivityEqualsTheCliAndCanBeCancelled) {
  const Served served;
  const json started = body_of(served.post("/api/sensitivity", {{"samples", 8}, {"seed", "5"}, {"bootstrap", 20}}));
  const json status = finished_job(served, started["id"]);
  ASSERT_EQ(status["state"], "done") << status.dump();
  EXPECT_EQ(status["done"], 8);
  const auto folder = test::fresh_directory("serve-sensitivity");
  const auto outcome =
      test::run_parley({"sensitivity", "-n", "8", "--seed", "5", "--bootstrap", "20", "-q", "-o", "out"}, folder);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(status["result"]["files"]["sensitivity.csv"].get<std::string>(), read_text(folder / "out/sensitivity.csv"));
  // A long one, cancelled.
  const std::string id = body_of(served.post("/api/sensitivity", {{"samples", 5000}}))["id"];
  for (int i = 0; i < 1000 && body_of(served.get("/api/jobs/" + id))["state"] == "queued"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(served.client().Delete(("/api/jobs/" + id).c_str(), served.auth())->status, 202);
  const json cancelled = finished_job(served, id);
  EXPECT_EQ(cancelled["state"], "cancelled");
  EXPECT_EQ(cancelled["status"], 409);
  // Malformed requests are refused at once, without a job.
  EXPECT_EQ(served.post("/api/sensitivity", {{"samples", 0}})->status, 400);
  EXPECT_EQ(served.post("/api/mc", {{"samples", 10}, {"set", {"actors.XYZ.capability=1"}}})->status, 400);
  const json too_few = finished_job(served, body_of(served.post("/api/sensitivity", {{"samples", 1}}))["id"]);
  EXPECT_EQ(too_few["status"], 400);
  EXPECT_NE(too_few["result"]["error"].get<std::string>().find("at least 2"), std::string::npos);
}

TEST(Serve, AMonteCarloJobCanBeCancelled) {
  const Served served;
  const json job = body_of(served.post("/api/mc", {{"samples", 1000000}}));
  const std::string id = job["id"];
  for (int i = 0; i < 500 && body_of(served.get("/api/jobs/" + id))["done"] == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const auto cancelled = served.client().Delete(("/api/jobs/" + id).c_str(), served.auth());
  EXPECT_EQ(cancelled->status, 202);
  const json status = finished_job(served, id);
  EXPECT_EQ(status["state"], "cancelled");
  EXPECT_EQ(status["reason"], "cancelled");
  EXPECT_EQ(status["status"], 409);
  EXPECT_LT(status["done"].get<std::uint64_t>(), 1000000U);
}

TEST(Serve, AJobPastTheTimeLimitIsStopped) {
  ServerOptions options;
  options.jobs.time_limit = std::chrono::seconds(1);
  const Served served(options);
  const json job = body_of(served.post("/api/mc", {{"samples", 1000000}}));
  const json status = finished_job(served, job["id"]);
  EXPECT_EQ(status["state"], "cancelled");
  EXPECT_EQ(status["reason"], "the job reached the server's time limit");
}

TEST(Serve, FiftyConcurrentRunsAreQueuedOrRefused) {
  ServerOptions options;
  options.jobs.running = 2;
  options.jobs.queued = 3;
  const Served served(options);
  std::atomic<int> accepted{0};
  std::atomic<int> refused{0};
  std::atomic<int> other{0};
  std::vector<std::string> ids(50);
  std::vector<std::thread> clients;
  for (std::size_t i = 0; i < 50; ++i) {
    clients.emplace_back([&, i] {
      const auto result = served.post("/api/mc", {{"samples", 1000000}});
      if (result && result->status == 202) {
        ++accepted;
        ids[i] = json::parse(result->body)["id"];
      } else if (result && result->status == 503) {
        EXPECT_EQ(result->get_header_value("Retry-After"), "2");
        ++refused;
      } else {
        ADD_FAILURE() << "neither queued nor refused: "
                      << (result ? std::to_string(result->status) + " " + result->body
                                 : httplib::to_string(result.error()));
        ++other;
      }
    });
  }
  for (auto& client : clients) client.join();
  // Two run and three wait; the other 45 are told to come back.
  EXPECT_EQ(accepted, 5);
  EXPECT_EQ(refused, 45);
  EXPECT_EQ(other, 0);
  // A quick run is refused too while the queue is full.
  EXPECT_EQ(served.post("/api/run", json::object())->status, 503);
  const json load = body_of(served.get("/api/version"))["jobs"];
  EXPECT_EQ(load["running"], 2);
  EXPECT_EQ(load["waiting"], 3);
  for (const auto& id : ids) {
    if (!id.empty()) {
      EXPECT_EQ(served.client().Delete(("/api/jobs/" + id).c_str(), served.auth())->status, 202);
    }
  }
  for (const auto& id : ids) {
    if (!id.empty()) {
      EXPECT_EQ(finished_job(served, id)["state"], "cancelled");
    }
  }
  EXPECT_EQ(served.post("/api/run", json::object())->status, 200);  // free again
}

// Every path and method of docs/openapi.yaml is one the server answers (so the file never lists a
// call that does not exist).
TEST(Serve, TheOpenApiFileListsCallsTheServerAnswers) {
  const Served served;
  const json job = body_of(served.post("/api/mc", {{"samples", 5}}));
  (void)finished_job(served, job["id"]);
  std::istringstream lines(read_text(test::source_dir() / "docs/openapi.yaml"));
  std::string line;
  std::string path;
  int calls = 0;
  while (std::getline(lines, line)) {
    if (line.starts_with("  /api/")) {
      path = line.substr(2, line.find(':') - 2);
      for (const auto& [name, value] :
           {std::pair<std::string, std::string>{"{name}", "pakistan-2023"}, {"{id}", job["id"].get<std::string>()}}) {
        if (const auto at = path.find(name); at != std::string::npos) path.replace(at, name.size(), value);
      }
      continue;
    }
    const std::string method = line.substr(0, line.find(':'));
    if (method != "    get" && method != "    post" && method != "    delete") continue;
    auto client = served.client();
    const auto result = method == "    get"    ? client.Get(path.c_str(), served.auth())
                        : method == "    post" ? client.Post(path.c_str(), served.auth(), "{}", "application/json")
                                               : client.Delete(path.c_str(), served.auth());
    ASSERT_TRUE(result) << path;
    EXPECT_NE(result->status, 404) << method << " " << path << ": " << result->body;
    ++calls;
  }
  EXPECT_EQ(calls, 12);
}

TEST(Serve, AQueueOfNoneStillRunsWhatAFreeWorkerTakes) {
  JobQueue queue({.running = 1, .queued = 0, .time_limit = std::chrono::seconds(60), .kept = 4});
  std::atomic<bool> release{false};
  const auto first = queue.submit("test", [&](Job&) {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return JobOutcome{};
  });
  ASSERT_TRUE(first);  // the worker was free
  while (first->state() == Job::State::queued) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_FALSE(queue.submit("test", [](Job&) { return JobOutcome{}; }));  // busy, and no place to wait
  release = true;
  EXPECT_TRUE(first->wait_for(std::chrono::seconds(10)));
  queue.forget(first->id());
  EXPECT_FALSE(queue.find(first->id()));
}

TEST(Serve, ZipArchivesHoldTheirFilesWithChecksums) {
  const std::string zip = zip_archive({{"a/one.txt", "hello"}, {"b.txt", ""}});
  EXPECT_EQ(zip.substr(0, 4), std::string("PK\3\4"));
  EXPECT_NE(zip.find("a/one.txthello"), std::string::npos);
  // The CRC-32 of "hello" (0x3610a686), little-endian, in the local header.
  EXPECT_NE(zip.find(std::string("\x86\xa6\x10\x36", 4)), std::string::npos);
  EXPECT_EQ(zip.substr(zip.size() - 22, 4), std::string("PK\5\6"));
  EXPECT_EQ(static_cast<unsigned char>(zip[zip.size() - 12]), 2U);  // two entries
}

}  // namespace
}  // namespace parley::serve
