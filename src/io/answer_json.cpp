#include "io/answer_json.hpp"

#include <fmt/format.h>

#include <cmath>

namespace parley::io {

using Json = nlohmann::ordered_json;

namespace {

Json number_or_null(double value) {
  return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json standings_json(const std::vector<ModelStanding>& models) {
  Json out = Json::array();
  for (const auto& model : models) out.push_back(Json{{"model", model.model}, {"forecast", model.forecast}});
  return out;
}

}  // namespace

Json intervals_json(const std::array<Range, 3>& intervals) {
  Json out = Json::object();
  for (std::size_t l = 0; l < intervals.size(); ++l) {
    out[fmt::format("{:.0f}", 100.0 * kIntervalLevels[l])] =
        Json::array({number_or_null(intervals[l].low), number_or_null(intervals[l].high)});
  }
  return out;
}

Json answer_json(const Answer& answer) {
  const Calibration& calibration = answer.calibration;
  Json members = Json::array();
  for (std::size_t m = 0; m < calibration.rule.members.size(); ++m) {
    Json member{{"name", calibration.rule.members[m].name}};
    if (m < calibration.rule.weights.size()) member["weight"] = calibration.rule.weights[m];
    members.push_back(member);
  }
  const CalibrationFigures& figures = calibration.figures;
  Json root;
  root["rule"] = Json{{"name", calibration.candidate.name},
                      {"family", to_string(calibration.candidate.family)},
                      {"description", calibration.candidate.description},
                      {"members", members}};
  root["calibration"] = Json{
      {"data", calibration.data},
      {"sha256", calibration.data_sha256},
      {"domain", calibration.domain},
      {"command", calibration.command},
      {"engine", calibration.engine},
      {"intervals", calibration.intervals.scale == IntervalScale::spread ? "spread" : "constant"},
      {"out_of_sample",
       Json{{"cases", figures.cases},
            {"issues", figures.issues},
            {"mae", figures.mae},
            {"reference_mae", figures.reference_mae},
            {"coverage", Json{{"50", figures.coverage[0]}, {"80", figures.coverage[1]}, {"95", figures.coverage[2]}}},
            {"width80", figures.width80}}}};
  Json issues = Json::array();
  for (const auto& item : answer.issues) {
    Json flags = Json::array();
    for (const auto& flag : item.flags) {
      flags.push_back(Json{{"model", flag.model}, {"code", flag.code}, {"text", flag.text}});
    }
    issues.push_back(Json{{"issue", item.issue},
                          {"forecast", number_or_null(item.forecast)},
                          {"intervals", intervals_json(item.intervals)},
                          {"spread", item.spread},
                          {"agree", standings_json(item.agree)},
                          {"disagree", standings_json(item.disagree)},
                          {"flags", flags}});
  }
  root["issues"] = issues;
  Json claims = Json::array();
  for (const auto& claim : answer.claims) {
    claims.push_back(Json{
        {"claim", claim.claim}, {"issue", claim.issue}, {"probability", claim.probability}, {"holds", claim.holds}});
  }
  root["claims"] = claims;
  return root;
}

}  // namespace parley::io
