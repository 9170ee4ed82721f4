// tbb::parallel_for over C callbacks, and the process-wide TBB thread cap.
#include "WeftShimParallel.h"

#include "Support.hpp"

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <memory>
#include <mutex>

namespace {

// The active cap. A tbb::global_control limits TBB for as long as the object lives, so it is kept
// in a static and replaced or destroyed under the mutex.
std::mutex capMutex;
std::unique_ptr<tbb::global_control> cap;

}  // namespace

extern "C" int weft_shim_parallel_for(size_t n, size_t grain, weft_shim_range_body body,
                                      void *ctx) {
    if (body == nullptr) return WEFT_SHIM_ERR_NULL_POINTER;
    if (grain == 0) return WEFT_SHIM_ERR_INVALID_ARGUMENT;
    if (n == 0) return WEFT_SHIM_OK;
    return weft_shim::guarded([&] {
        // simple_partitioner splits [0, n) in halves until pieces hold at most `grain` indices:
        // the chunk boundaries are a function of (n, grain) alone.
        tbb::parallel_for(
            tbb::blocked_range<std::size_t>(0, n, grain),
            [&](const tbb::blocked_range<std::size_t> &range) {
                body(ctx, range.begin(), range.end());
            },
            tbb::simple_partitioner());
        return WEFT_SHIM_OK;
    });
}

extern "C" int weft_shim_set_max_threads(int n) {
    return weft_shim::guarded([&] {
        const std::lock_guard<std::mutex> lock(capMutex);
        cap.reset();
        if (n > 0) {
            cap = std::make_unique<tbb::global_control>(
                tbb::global_control::max_allowed_parallelism, std::size_t(n));
        }
        return WEFT_SHIM_OK;
    });
}

// The two queries return a count, not a status; should TBB ever throw, they report 1 thread.
extern "C" int weft_shim_max_threads(void) {
    try {
        return int(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
    } catch (...) {
        return 1;
    }
}

extern "C" int weft_shim_default_concurrency(void) {
    try {
        return tbb::info::default_concurrency();
    } catch (...) {
        return 1;
    }
}
