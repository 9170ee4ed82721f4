// job_pool.hpp — the host's scheduler: a fixed pool of worker threads that take job numbers
// 0 … jobs−1 from a shared counter until none is left, as a multi-threaded experiment framework
// hands events to its workers. Job results are stored by job number, so the output does not depend
// on which worker ran which job.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace host {

/// Runs `work(job, worker)` for every job on `workers` threads; rethrows the first exception a job
/// threw (after every worker has stopped).
inline void run_jobs(std::size_t jobs, unsigned workers, const std::function<void(std::size_t, unsigned)>& work) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    std::vector<std::thread> pool;
    pool.reserve(workers);
    for (unsigned w = 0; w < workers; ++w) {
        pool.emplace_back([&, w] {
            for (std::size_t job; (job = next.fetch_add(1)) < jobs;) {
                try {
                    work(job, w);
                } catch (...) {
                    std::lock_guard<std::mutex> lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                    next.store(jobs);  // stop handing out jobs
                }
            }
        });
    }
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace host
