#include "mpi.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#ifdef PARLEY_WITH_MPI
#include <mpi.h>
#endif

namespace parley::cli {
namespace {

// Open MPI's launcher, and PMIx/PMI ones (Slurm's srun), set one of these.
bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

}  // namespace

Mpi& Mpi::world() {
  static Mpi mpi;
  return mpi;
}

Mpi::Mpi() {
#ifdef PARLEY_WITH_MPI
  if (!launched_by_mpi()) return;
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  initialised_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  if (const char* local = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE")) local_size_ = std::max(1, std::atoi(local));
#endif
}

Mpi::~Mpi() {
#ifdef PARLEY_WITH_MPI
  if (initialised_) MPI_Finalize();
#endif
}

void Mpi::broadcast(std::vector<std::uint64_t>& values, int& failed) const {
#ifdef PARLEY_WITH_MPI
  if (!active()) return;
  // The count, or UINT64_MAX minus the exit code of rank 0's failure.
  std::uint64_t count = failed == 0 ? values.size() : UINT64_MAX - static_cast<std::uint64_t>(failed);
  MPI_Bcast(&count, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  if (count > UINT64_MAX - 256) {
    failed = static_cast<int>(UINT64_MAX - count);
    return;
  }
  values.resize(count);
  MPI_Bcast(values.data(), static_cast<int>(count), MPI_UINT64_T, 0, MPI_COMM_WORLD);
#else
  (void)values;
  (void)failed;
#endif
}

std::vector<double> Mpi::gather(const std::vector<double>& mine) const {
#ifdef PARLEY_WITH_MPI
  if (!active()) return mine;
  int count = static_cast<int>(mine.size());
  std::vector<int> counts(static_cast<std::size_t>(size_));
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(counts.size(), 0);
  std::vector<double> all;
  if (rank_ == 0) {
    int total = 0;
    for (std::size_t r = 0; r < counts.size(); ++r) {
      offsets[r] = total;
      total += counts[r];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(mine.data(), count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE, 0, MPI_COMM_WORLD);
  return all;
#else
  return mine;
#endif
}

}  // namespace parley::cli
