#pragma once
// What-ifs: small changes over a scenario, each written `PATH=VALUE`, `PATH+=VALUE` or `PATH*=FACTOR`,
// given on the command line (`--set`) or one a line in a patch file (`--patch`). The paths name
// things by id:
//
//   actors.ID.capability          actors.ID.present (true or false; `=` only)
//   actors.ID.stances.ISSUE.position | salience | capability
//   issues.ID.status_quo
//   relations.FROM.TO.affinity
//
// A change applies to the scenario at its start; the events of its timeline apply over it as before.

#include <string>
#include <string_view>
#include <vector>

#include "parley/errors.hpp"
#include "parley/scenario.hpp"

namespace parley {

struct WhatIf {
  std::string text;  // as written, e.g. "actors.PAK.capability*=2"
  std::vector<std::string> path;
  Operation operation = Operation::set;
  std::string value;             // a number, or true/false for `present`
  std::string origin = "--set";  // where it was written, in messages: "--set" or "patch.txt:3:"
};

// Parses one change. Throws UsageError naming `text` when it is not PATH=VALUE, PATH+=VALUE or
// PATH*=VALUE. The path's ids are checked when it is applied.
// `origin` names where it was written, in messages (a front end's own word for it: "--set", "what_if").
[[nodiscard]] WhatIf parse_what_if(std::string_view text, const std::string& origin = "--set");

// A patch file: one change a line; blank lines and lines starting with `#` are skipped. Throws
// ScenarioError naming `file`, line and column of every malformed line.
[[nodiscard]] std::vector<WhatIf> read_what_if_patch(std::string_view text, const std::string& file);

// Applies the changes in order, then checks the whole scenario again (an event may now push a
// salience beyond 1). Throws UsageError naming the change and what is wrong (an unknown id, with the
// nearest one; a value out of its range; a stance that does not exist).
void apply_what_ifs(Scenario& scenario, const std::vector<WhatIf>& changes);

}  // namespace parley
