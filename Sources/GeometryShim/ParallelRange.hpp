// Internal: element-wise batch loops that go parallel only when the batch is large enough to pay
// for TBB's scheduling (a few microseconds per task).
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>

namespace weft_shim {

// Calls body(begin, end) over [0, n): inline below `threshold` elements, otherwise in parallel
// chunks of about `grain` elements. Only for bodies whose elements are independent, so that the
// chunking cannot change any result.
template <class Body>
void forEachChunk(std::size_t n, std::size_t threshold, std::size_t grain, Body &&body) {
    if (n < threshold) {
        body(std::size_t(0), n);
        return;
    }
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, grain),
                      [&](const tbb::blocked_range<std::size_t> &range) {
                          body(range.begin(), range.end());
                      });
}

}  // namespace weft_shim
