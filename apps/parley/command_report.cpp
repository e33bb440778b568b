// `parley report DIR`: (re)build DIR/report.html from the files of an output folder.

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "parley/report.hpp"

namespace parley::cli {
namespace {

class ReportCommand final : public Command {
 public:
  explicit ReportCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("report", "Build report.html from the files of an output folder");
    app_->add_option("folder", folder_, "The output folder of parley run, mc or sensitivity")->required();
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const auto path = report::write_report(folder_);
    std::cout << fmt::format("wrote {}\n", path.string());
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string folder_;
};

}  // namespace

std::unique_ptr<Command> make_report_command(CLI::App& parent) {
  return std::make_unique<ReportCommand>(parent);
}

}  // namespace parley::cli
