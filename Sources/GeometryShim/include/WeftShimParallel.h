/*
 * Parallel loops over C callbacks, run by oneTBB, and the process-wide thread cap.
 */
#ifndef WEFT_SHIM_PARALLEL_H
#define WEFT_SHIM_PARALLEL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Loop body: processes the indices [begin, end). `ctx` is passed through unchanged. It may run
 * concurrently with other chunks on other threads and must not throw or longjmp.
 */
typedef void (*weft_shim_range_body)(void *ctx, size_t begin, size_t end);

/**
 * Calls body(ctx, begin, end) on disjoint chunks that together cover [0, n) exactly once, in
 * parallel, and returns when all have finished.
 *
 * Chunks hold at most `grain` indices and their boundaries depend only on n and grain (TBB's
 * simple partitioner halves ranges deterministically), never on the thread count or timing, so
 * per-chunk partial results combined in chunk order are reproducible bit for bit. Calls may nest.
 *
 * @param n      number of indices; 0 returns at once without calling body.
 * @param grain  largest chunk size, >= 1.
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_NULL_POINTER (body NULL), WEFT_SHIM_ERR_INVALID_ARGUMENT
 *         (grain 0), WEFT_SHIM_ERR_OUT_OF_MEMORY or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_parallel_for(size_t n, size_t grain, weft_shim_range_body body, void *ctx);

/**
 * Caps the number of threads (including the calling thread) that TBB uses for all work in the
 * process — this shim's and any other library's — until the next call. n <= 0 removes the cap.
 * The cap is held in a process-wide tbb::global_control; calls are serialised by a mutex and may
 * come from any thread, but a change only affects parallel work started after it.
 *
 * @return WEFT_SHIM_OK, WEFT_SHIM_ERR_OUT_OF_MEMORY or WEFT_SHIM_ERR_INTERNAL.
 */
int weft_shim_set_max_threads(int n);

/** The number of threads TBB currently allows (the cap if set, else the default concurrency). */
int weft_shim_max_threads(void);

/** The number of threads TBB would use without a cap (the hardware threads available to the process). */
int weft_shim_default_concurrency(void);

#ifdef __cplusplus
}
#endif

#endif
