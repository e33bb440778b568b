// `parley store check FILE`: whether a run store is whole — SQLite's own check of the file, then every
// sample against its checksum — and which run it holds, how far it has gone.

#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_common.hpp"
#include "parley/io/store.hpp"

namespace parley::cli {
namespace {

// "parley 0.1.0, scenario sha256 …, at 2023-06-01, seed 7, models compromise, eum" from a store's
// fingerprint (a JSON object, io::mc_fingerprint); "" if it is not one.
std::string describe_run(const nlohmann::json& json) {
  if (!json.is_object()) return "";
  std::string models;
  for (const auto& model : json.value("models", nlohmann::json::array())) {
    if (!model.is_object()) continue;
    models += fmt::format("{}{}", models.empty() ? "" : ", ", model.value("name", "?"));
  }
  const auto text = [&](const char* key) {
    const auto found = json.find(key);
    return found == json.end() ? std::string("?") : found->is_string() ? found->get<std::string>() : found->dump();
  };
  return fmt::format("parley {}, scenario sha256 {}, at {}, seed {}, models {}", text("engine"),
                     text("scenario_sha256").substr(0, 12), text("at"), text("seed"), models);
}

class StoreCommand final : public Command {
 public:
  explicit StoreCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("store", "Inspect a Monte Carlo run store");
    app_->require_subcommand(1, 1);
    CLI::App* check = app_->add_subcommand("check",
                                           "Check a run store: SQLite's quick check of the file, then every sample "
                                           "against its checksum (exit 65 naming the damaged samples)");
    check->add_option("file", file_, "The store (parley mc's --store; by default DIR/samples.sqlite)")->required();
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const io::RunStore store(file_);
    store.check();
    const auto contents = store.contents();
    const auto run = nlohmann::json::parse(contents.fingerprint, nullptr, false);
    const auto samples = run.is_object() ? run.find("samples") : run.end();
    const std::uint64_t planned =
        samples != run.end() && samples->is_number_unsigned() ? samples->get<std::uint64_t>() : 0;
    std::cout << fmt::format("{}: intact (SQLite's quick check, and each sample's checksum)\n", file_);
    std::cout << fmt::format("run: {}\n", describe_run(run));
    if (planned > contents.samples) {
      std::cout << fmt::format("samples: {} of {}; `parley mc` with the run's options and --store {} --resume "
                               "computes the rest\n",
                               contents.samples, planned, file_);
    } else {
      std::cout << fmt::format("samples: {} of {}, all there\n", contents.samples, planned);
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string file_;
};

}  // namespace

std::unique_ptr<Command> make_store_command(CLI::App& parent) {
  return std::make_unique<StoreCommand>(parent);
}

}  // namespace parley::cli
