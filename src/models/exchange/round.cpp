#include "models/exchange/round.hpp"

#include <algorithm>
#include <cmath>

#include "models/exchange/gain_order.hpp"
#include "parley/errors.hpp"
#include "parley/rng.hpp"

namespace parley::models::exchange {
namespace {

// Tolerances of the double-precision rules, §4.3.
constexpr double kGainTie = 1e-12;   // D1
constexpr double kCrossing = 1e-9;   // D2
constexpr double kBound = 1e-9;      // D3
constexpr double kSide = 1e-9;       // D4
constexpr double kRole = 1e-12;      // D5
constexpr double kTinyMove = 1e-10;  // §3.7 rule 1
constexpr double kTinyGain = 1e-10;  // §3.5 first validity test
constexpr double kScale = 100.0;

struct Side {
  std::size_t actor = 0;
  std::size_t supply = 0;  // σ
  std::size_t demand = 0;  // δ
  double x = 0.0;          // current position on the supply issue
  double x0 = 0.0;         // round-start position on the supply issue
  double z = 0.0;          // round-start position on the demand issue, frozen
  double s = 0.0;          // salience on the supply issue
  double c = 0.0;          // power on the supply issue
  double s_demand = 0.0;   // salience on the demand issue
  double m = 0.0;          // tentative move
  double y = 0.0;          // x + m
  std::vector<double> history;
};

// U of §3.10 (b): positions of other actors on an issue, as this candidate has seen them move.
struct Entry {
  std::size_t issue = 0;
  std::size_t actor = 0;
  double position = 0.0;
};

struct Candidate {
  Side i;  // side I: supplies q, demands p
  Side j;  // side J: supplies p, demands q
  double gain = 0.0;
  bool valid = false;
  std::vector<Entry> table;

  [[nodiscard]] const double* entry(std::size_t issue, std::size_t actor) const {
    for (const auto& item : table) {
      if (item.issue == issue && item.actor == actor) return &item.position;
    }
    return nullptr;
  }
};

}  // namespace

// One round's work, and the memory it keeps for the next: candidates are reused in place (their
// histories and tables keep their capacity), as are the indexes and the selection's lists.
class RoundPlay {
 public:
  void play(const Data& data, const Settings& settings, const std::vector<double>& start, std::uint64_t seed,
            std::uint64_t round, RoundResult& result) {
    data_ = &data;
    settings_ = &settings;
    start_ = &start;
    // Σ (x·s)·c of each issue at the round start, in data order.
    start_numerator_.assign(data.issues, 0.0);
    for (std::size_t issue = 0; issue < data.issues; ++issue) {
      for (const std::size_t actor : data.data[issue]) {
        const std::size_t at = data.at(actor, issue);
        start_numerator_[issue] += (start[at] * data.salience[at]) * data.power[at];
      }
    }
    count_ = 0;
    result.candidates = 0;
    mds(data, start, result.start_forecast);
    create_candidates(result.start_forecast, result.candidates);
    Rng rng = make_rng(seed, round);
    if (settings.literal_selection) {
      select_literally(rng);
    } else {
      select(rng);
    }
    finish(result);
  }

 private:
  // §3.9 with an ordered set and indexes of the candidates each realisation can touch (gain_order.hpp).
  void select(Rng& rng) {
    index_candidates();
    GainOrder& order = order_;
    std::vector<std::size_t>& initial = initial_;
    std::vector<double>& gains = gains_;
    initial.clear();
    gains.clear();
    for (std::size_t k = 0; k < count_; ++k) {
      if (!candidates_[k].valid) continue;
      initial.push_back(k);
      gains.push_back(candidates_[k].gain);
    }
    order.assign(initial, gains, count_);
    std::vector<std::size_t>& realised = realised_;
    std::vector<std::size_t>& touched = touched_;
    std::vector<std::pair<std::size_t, double>>& changes = changes_;
    std::vector<std::size_t>& stamp = stamp_;
    realised.clear();
    stamp.assign(count_, 0);
    while (!order.empty()) {
      const std::size_t e =
          settings_->ties == Ties::random
              ? order.take([&](std::size_t count) { return static_cast<std::size_t>(rng.below(count)); })
              : order.take();
      realised.push_back(e);
      const Candidate& done = candidates_[e];
      touched.clear();
      for (auto* list :
           {&supplies_[data_->at(done.i.actor, done.i.supply)], &supplies_[data_->at(done.j.actor, done.j.supply)],
            &demands_[data_->at(done.j.actor, done.j.demand)], &demands_[data_->at(done.i.actor, done.i.demand)]}) {
        // Realised and invalid candidates leave the index as it is scanned.
        std::size_t kept = 0;
        for (const std::size_t f : *list) {
          if (!order.contains(f)) continue;
          (*list)[kept++] = f;
          if (stamp[f] == realised.size()) continue;
          stamp[f] = realised.size();
          touched.push_back(f);
        }
        list->resize(kept);
      }
      changes.clear();
      for (const std::size_t f : touched) {
        update(candidates_[f], done);
        if (candidates_[f].valid) {
          changes.emplace_back(f, candidates_[f].gain);
        } else {
          order.remove(f);
        }
      }
      order.change(changes);
    }
  }

  // Which candidates have a side supplying (or demanding) each actor–issue.
  void index_candidates() {
    for (auto* index : {&supplies_, &demands_}) {
      index->resize(data_->actors * data_->issues);
      for (auto& list : *index) list.clear();
    }
    for (std::size_t k = 0; k < count_; ++k) {
      const Candidate& c = candidates_[k];
      if (!c.valid) continue;
      for (const Side* side : {&c.i, &c.j}) {
        supplies_[data_->at(side->actor, side->supply)].push_back(k);
        demands_[data_->at(side->actor, side->demand)].push_back(k);
      }
    }
  }

  // §3.9 as written: stable-sort the whole list before every pick and update every pending
  // candidate. Quadratic; kept as the reference the fast selection is tested against.
  void select_literally(Rng& rng) {
    std::vector<std::size_t> pending;  // indices into candidates_, in list order
    for (std::size_t k = 0; k < count_; ++k) {
      if (candidates_[k].valid) pending.push_back(k);
    }
    const auto before = [&](std::size_t a, std::size_t b) { return greater(candidates_[a].gain, candidates_[b].gain); };
    std::vector<std::size_t>& realised = realised_;
    realised.clear();
    while (!pending.empty()) {
      std::stable_sort(pending.begin(), pending.end(), before);
      std::size_t pick = 0;
      if (settings_->ties == Ties::random) {
        std::size_t tied = 1;
        while (tied < pending.size() && !before(pending.front(), pending[tied])) ++tied;
        pick = static_cast<std::size_t>(rng.below(tied));
      }
      const std::size_t e = pending[pick];
      pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(pick));
      realised.push_back(e);
      std::size_t kept = 0;
      for (const std::size_t f : pending) {
        update(candidates_[f], candidates_[e]);
        if (candidates_[f].valid) pending[kept++] = f;
      }
      pending.resize(kept);
    }
  }

  static bool greater(double a, double b) {
    if (std::fabs(a - b) <= kGainTie * std::max(std::fabs(a), std::fabs(b))) return false;  // D1: a tie
    return a > b;
  }

  [[nodiscard]] double position(std::size_t actor, std::size_t issue) const {
    return (*start_)[data_->at(actor, issue)];
  }

  // §3.3, §3.4: every candidate, in creation order, calculated.
  void create_candidates(const std::vector<double>& forecast, std::size_t& count) {
    const auto left = [&](std::size_t actor, std::size_t issue) {
      return position(actor, issue) <= forecast[issue] + kSide;  // D4
    };
    const Data& data = *data_;
    const auto usable = [&](std::size_t actor, std::size_t issue) {
      const std::size_t at = data.at(actor, issue);
      return data.has[at] != 0 && data.salience[at] > 0.0 && data.power[at] > 0.0;  // §1.4
    };
    auto& groups = groups_;
    for (std::size_t p = 0; p < data.issues; ++p) {
      for (std::size_t q = p + 1; q < data.issues; ++q) {
        for (auto& group : groups) group.clear();
        for (std::size_t a = 0; a < data.actors; ++a) {
          if (!usable(a, p) || !usable(a, q)) continue;
          groups[(left(a, p) ? 1 : 0) + (left(a, q) ? 2 : 0)].push_back(a);
        }
        for (const std::size_t first : groups[0]) {
          for (const std::size_t second : groups[3]) {
            if (data.may_trade(first, second)) add(first, second, p, q, count);
          }
        }
        for (const std::size_t first : groups[1]) {
          for (const std::size_t second : groups[2]) {
            if (data.may_trade(first, second)) add(first, second, p, q, count);
          }
        }
      }
    }
  }

  // A side as created: every field set, the history emptied (its memory kept).
  void make_side(std::size_t actor, std::size_t supply, std::size_t demand, Side& side) const {
    const Data& data = *data_;
    side.actor = actor;
    side.supply = supply;
    side.demand = demand;
    side.x = side.x0 = position(actor, supply);
    side.z = position(actor, demand);
    side.s = data.salience[data.at(actor, supply)];
    side.c = data.power[data.at(actor, supply)];
    side.s_demand = data.salience[data.at(actor, demand)];
    side.m = 0.0;
    side.y = 0.0;
    side.history.clear();
  }

  void add(std::size_t first, std::size_t second, std::size_t p, std::size_t q, std::size_t& count) {
    const Data& data = *data_;
    // §3.4, D5: side I is the actor with the larger relative salience for p.
    const double ratio_first = data.salience[data.at(first, p)] / data.salience[data.at(first, q)];
    const double ratio_second = data.salience[data.at(second, p)] / data.salience[data.at(second, q)];
    const bool swap = ratio_first < ratio_second * (1.0 - kRole);
    const std::size_t side_i = swap ? second : first;
    const std::size_t side_j = swap ? first : second;
    if (count_ == candidates_.size()) candidates_.emplace_back();
    Candidate& candidate = candidates_[count_++];
    make_side(side_i, q, p, candidate.i);
    make_side(side_j, p, q, candidate.j);
    candidate.gain = 0.0;
    candidate.valid = false;
    candidate.table.clear();
    calculate(candidate);
    ++count;
  }

  // §3.7, with D3.
  static bool valid(const Side& side) {
    const double m = side.m;
    if (std::fabs(m) > kScale || std::fabs(m) <= kTinyMove) return false;
    if (side.x + m < -kBound || side.x + m > kScale + kBound) return false;
    double sum = 0.0;
    for (const double move : side.history) sum += move;
    if (sum > kScale + kBound) return false;
    const bool all_negative = std::all_of(side.history.begin(), side.history.end(), [](double v) { return v < 0.0; });
    const bool all_positive = std::all_of(side.history.begin(), side.history.end(), [](double v) { return v > 0.0; });
    return all_negative || all_positive;
  }

  // §3.5: the candidate from its current positions, from scratch.
  void calculate(Candidate& f) const {
    Side& si = f.i;
    Side& sj = f.j;
    const double total_p = data_->total[sj.supply];
    const double total_q = data_->total[si.supply];
    const double dp = std::fabs(si.z - sj.x);
    const double dq = std::fabs(sj.z - si.x);
    double rp = ((dp * sj.s) * sj.c) / total_p;
    double rq = ((sj.s + si.s_demand) / (sj.s_demand + si.s)) * rp;
    double mi = (rq * total_q) / (si.c * si.s);
    double mj = dp;
    if (mi > dq) {  // step B: I would overshoot
      rq = ((dq * si.s) * si.c) / total_q;
      rp = ((si.s + sj.s_demand) / (si.s_demand + sj.s)) * rq;
      mi = dq;
      mj = (rp * total_p) / (sj.c * sj.s);
    }
    if (si.x > sj.z) mi = -mi;
    if (sj.x > si.z) mj = -mj;
    si.history.push_back(mi);
    sj.history.push_back(mj);
    si.m = mi;
    sj.m = mj;
    si.y = si.x + mi;
    sj.y = sj.x + mj;
    f.gain = std::fabs(rq * si.s - rp * si.s_demand);
    const double partner = std::fabs(rp * sj.s - rq * sj.s_demand);
    if (std::fabs(f.gain - partner) > 1e-9 * std::max(f.gain, partner) + 1e-14) {
      throw ModelError("exchange: the two sides of a candidate gain differently (an internal error)");
    }
    f.valid = valid(si) && valid(sj) && f.gain >= kTinyGain;
    if (!f.valid) return;
    adjust(f, si, sj);
    adjust(f, sj, si);
    f.valid = valid(si) && valid(sj);
  }

  // §3.6: shrink A's move (and B's with it) so that the MDS of A's supply issue stops at B's position.
  void adjust(Candidate& f, Side& a, Side& b) const {
    const Data& data = *data_;
    const std::size_t issue = a.supply;
    const double total = data.total[issue];
    const double target = b.z;
    // The numerators Σ (x·s)·c of the issue's weighted mean: the round-start sum, corrected for the
    // few actors the candidate's table has moved, and for `a`. O(table), not O(actors).
    const auto term = [&](std::size_t k, double x) {
      const std::size_t at = data.at(k, issue);
      return (x * data.salience[at]) * data.power[at];
    };
    double others = start_numerator_[issue];
    const double* own_entry = nullptr;
    for (const auto& item : f.table) {
      if (item.issue != issue) continue;
      if (item.actor == a.actor) {
        own_entry = &item.position;
        continue;
      }
      others += term(item.actor, item.position) - term(item.actor, position(item.actor, issue));
    }
    const double own_start = term(a.actor, position(a.actor, issue));
    const auto mean_with = [&](double v) { return (others + (term(a.actor, v) - own_start)) / total; };
    // N*: table entries, the supplier's own included; otherwise the supplier at its current position.
    const double numerator = others + (term(a.actor, own_entry != nullptr ? *own_entry : a.x) - own_start);
    double before = target - mean_with(a.x);
    double after = target - mean_with(a.y);
    if (std::fabs(before) <= kCrossing) before = 0.0;  // D2
    if (std::fabs(after) <= kCrossing) after = 0.0;
    if ((before >= 0.0 && after >= 0.0) || (before <= 0.0 && after <= 0.0)) return;
    const double delta = std::fabs((target * total - numerator) / (a.s * a.c));
    const double ra = ((delta * a.s) * a.c) / total;
    const double rb = ((a.s + b.s_demand) / (a.s_demand + b.s)) * ra;
    double mb = std::fabs((rb * data.total[b.supply]) / (b.c * b.s));
    double ma = delta;
    if (b.x > a.z) mb = -mb;
    if (a.x > b.z) ma = -ma;
    a.history.back() = ma;
    b.history.back() = mb;
    a.m = ma;
    b.m = mb;
    a.y = a.x + ma;
    b.y = b.x + mb;
    f.gain = std::fabs(rb * b.s - ra * b.s_demand);
  }

  // §3.10: f after e has been realised.
  void update(Candidate& f, const Candidate& e) const {
    const Side* hits[2] = {nullptr, nullptr};
    Side* sides[2] = {&f.i, &f.j};
    for (int k = 0; k < 2; ++k) {
      Side& side = *sides[k];
      if (e.i.actor == side.actor && e.i.supply == side.supply) {
        hits[k] = &e.i;
      } else if (e.j.actor == side.actor && e.j.supply == side.supply) {
        hits[k] = &e.j;
      }
      if (hits[k] != nullptr) side.x = hits[k]->y;
    }
    const bool hit = hits[0] != nullptr || hits[1] != nullptr;
    if (hit) {
      for (int k = 0; k < 2; ++k) {
        Side& side = *sides[k];
        if (hits[k] == nullptr) {
          side.history.pop_back();
        } else if (settings_->semantics == Semantics::intended) {
          side.history.back() = hits[k]->m;
        }
      }
    }
    bool recorded = false;
    const Side* realised[2] = {&e.j, &e.i};
    const Side* partners[2] = {&e.i, &e.j};
    for (int k = 0; k < 2; ++k) {
      const Side& demander = *realised[k];
      const Side& supplier = *partners[k];
      const bool involved = (f.i.actor == demander.actor && f.i.demand == demander.demand) ||
                            (f.j.actor == demander.actor && f.j.demand == demander.demand);
      if (!involved) continue;
      recorded = true;
      bool found = false;
      for (auto& item : f.table) {
        if (item.issue != demander.demand || item.actor != supplier.actor) continue;
        found = true;
        item.position =
            supplier.x0 <= item.position ? std::min(item.position, supplier.y) : std::max(item.position, supplier.y);
      }
      if (!found) f.table.push_back({demander.demand, supplier.actor, supplier.y});
    }
    if (recorded && !hit) {
      f.i.history.pop_back();
      f.j.history.pop_back();
    }
    if (hit || recorded) calculate(f);
  }

  // §3.11.
  void finish(RoundResult& result) const {
    result.voting = *start_;
    result.next = *start_;
    result.exchanges.clear();
    for (const std::size_t k : realised_) {
      const Candidate& e = candidates_[k];
      result.exchanges.push_back({e.gain,
                                  {e.i.actor, e.i.supply, e.i.demand, e.i.x, e.i.m, e.i.y},
                                  {e.j.actor, e.j.supply, e.j.demand, e.j.x, e.j.m, e.j.y}});
      for (const Side* side : {&e.i, &e.j}) {
        const std::size_t at = data_->at(side->actor, side->supply);
        result.voting[at] = side->y;
        const double s = side->s;
        const double ws = settings_->salience_weight;
        const double wf = settings_->fixed_weight;
        result.next[at] = ((1.0 - s) * ws) * side->y + wf * side->y + ((1.0 - (1.0 - s) * ws) - wf) * side->x0;
      }
    }
    mds(*data_, result.voting, result.voting_forecast);
  }

  // The round being played (set by play()).
  const Data* data_ = nullptr;
  const Settings* settings_ = nullptr;
  const std::vector<double>* start_ = nullptr;
  // Its candidates: the first count_ of candidates_ (the rest are kept for their memory).
  std::vector<Candidate> candidates_;
  std::size_t count_ = 0;
  std::vector<double> start_numerator_;             // per issue
  std::vector<std::vector<std::size_t>> supplies_;  // [actor][issue] -> candidates with a side supplying it
  std::vector<std::vector<std::size_t>> demands_;   // [actor][issue] -> candidates with a side demanding it
  std::vector<std::size_t> groups_[4];              // create_candidates': the actors of each quadrant
  // select()'s lists; realised_ is the round's order of realisation.
  GainOrder order_{kGainTie};
  std::vector<std::size_t> initial_;
  std::vector<double> gains_;
  std::vector<std::size_t> realised_;
  std::vector<std::size_t> touched_;
  std::vector<std::pair<std::size_t, double>> changes_;
  std::vector<std::size_t> stamp_;
};

RoundScratch::RoundScratch() : play_(std::make_unique<RoundPlay>()) {}
RoundScratch::~RoundScratch() = default;

std::vector<double> mds(const Data& data, const std::vector<double>& positions) {
  std::vector<double> forecast;
  mds(data, positions, forecast);
  return forecast;
}

void mds(const Data& data, const std::vector<double>& positions, std::vector<double>& forecast) {
  forecast.assign(data.issues, 0.0);
  for (std::size_t issue = 0; issue < data.issues; ++issue) {
    if (data.total[issue] == 0.0) continue;
    double sum = 0.0;
    for (const std::size_t actor : data.data[issue]) {
      const std::size_t at = data.at(actor, issue);
      sum += (positions[at] * data.salience[at]) * data.power[at];
    }
    forecast[issue] = sum / data.total[issue];
  }
}

void play_round(const Data& data, const Settings& settings, const std::vector<double>& start, std::uint64_t seed,
                std::uint64_t round, RoundScratch& scratch, RoundResult& result) {
  scratch.play().play(data, settings, start, seed, round, result);
}

RoundResult play_round(const Data& data, const Settings& settings, const std::vector<double>& start, std::uint64_t seed,
                       std::uint64_t round) {
  RoundScratch scratch;
  RoundResult result;
  play_round(data, settings, start, seed, round, scratch, result);
  return result;
}

}  // namespace parley::models::exchange
