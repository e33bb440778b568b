#pragma once
// MPI for `parley mc`, when the binary was built with it (PARLEY_WITH_MPI) and started by mpirun.
// Without either, one process does everything and this reports a world of one.

#include <cstdint>
#include <vector>

namespace parley::cli {

class Mpi {
 public:
  // Initialises MPI if the process was started by an MPI launcher; finalises at exit.
  static Mpi& world();

  [[nodiscard]] bool active() const { return size_ > 1; }
  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] int local_size() const { return local_size_; }

  // Rank 0's `values` reach every rank; a non-zero `failed` on rank 0 (an exit code, below 256)
  // reaches every rank instead.
  void broadcast(std::vector<std::uint64_t>& values, int& failed) const;
  // Every rank's `mine`, concatenated in rank order, on rank 0 (empty elsewhere).
  [[nodiscard]] std::vector<double> gather(const std::vector<double>& mine) const;

  ~Mpi();
  Mpi(const Mpi&) = delete;
  Mpi& operator=(const Mpi&) = delete;

 private:
  Mpi();
  int rank_ = 0;
  int size_ = 1;
  int local_size_ = 1;
  bool initialised_ = false;
};

}  // namespace parley::cli
