// make_distributor() of `parley` and of every front end on parley::parley: this process's threads.
// The MPI one is in mpi_distributor.cpp, linked into `parley-mpi` only, so that `parley` never loads
// Open MPI (about half of its start-up).

#include "parley/distributor.hpp"
#include "parley/errors.hpp"

namespace parley {

std::unique_ptr<Distributor> make_distributor() {
  if (launched_by_mpi()) {
    throw UsageError(
        "this binary runs on one process: under mpirun (or srun) start parley-mpi, which spreads the samples over "
        "the ranks; started so, every rank would run the whole job");
  }
  return local_distributor();
}

const char* distribution_summary() {
#if PARLEY_MPI_BUILT
  return "MPI: not in this binary (threads only); parley-mpi, built beside it, runs under mpirun";
#else
  return "MPI: not built (threads only; Debian's libopenmpi-dev at configure time builds parley-mpi)";
#endif
}

}  // namespace parley
