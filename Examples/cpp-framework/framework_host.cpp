// framework_host.cpp — a C++17 host using Weft like a multi-threaded experiment framework: it reads
// its events, creates ONE engine, and lets a pool of worker threads reconstruct different events
// concurrently with that shared engine.
//
//   framework_host [--workers N] [--repeat R] [--config JSON] [--timing] EVENT_PREFIX...
//
//   --workers N   worker threads (default 4)
//   --repeat R    process every event R times (default 1): jobs = events × R, interleaved
//   --config JSON engine configuration (weft.h, weft_engine_create); default: defaults
//   --timing      print per-job wall times and the throughput to stderr
//
// stdout has one line per job, in job order, independent of the worker count and scheduling:
//   job <j> event <id> hits <n> tracks <t> pt_above_1gev <k> digest <16 hex digits>
// where the digest is FNV-1a over the track offsets and hit rows. Exit status 0 when every job
// succeeded and all repeats of an event gave identical tracks, 1 otherwise, 2 on bad usage.
#include "event_source.hpp"
#include "job_pool.hpp"
#include "weft.hpp"

#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

/// What one job produced.
struct JobResult {
    std::size_t tracks = 0;
    std::size_t high_pt = 0;
    std::uint64_t digest = 0;
    double seconds = 0;
    unsigned worker = 0;
};

/// FNV-1a over the tracks' offsets and hit rows: equal digests mean equal track lists.
std::uint64_t digest(const weftcpp::Tracks& tracks) {
    const std::int32_t *indices = nullptr, *offsets = nullptr;
    std::size_t total = 0;
    tracks.arrays(indices, offsets, total);
    std::uint64_t h = 14695981039346656037ull;
    auto mix = [&h](std::int32_t v) {
        for (int b = 0; b < 4; ++b) {
            h ^= static_cast<std::uint8_t>(static_cast<std::uint32_t>(v) >> (8 * b));
            h *= 1099511628211ull;
        }
    };
    for (std::size_t t = 0; t <= tracks.size(); ++t) mix(offsets[t]);
    for (std::size_t k = 0; k < total; ++k) mix(indices[k]);
    return h;
}

/// Tracks whose fitted transverse momentum exceeds 1 GeV (pT = sin θ / |q/p|).
std::size_t high_pt_tracks(const weftcpp::Tracks& tracks) {
    std::size_t n = 0;
    weft_track_parameters p;
    for (std::size_t t = 0; t < tracks.size(); ++t) {
        if (tracks.parameters(t, p) && p.q_over_p != 0 && std::sin(p.theta) / std::fabs(p.q_over_p) > 1.0f) ++n;
    }
    return n;
}

int usage() {
    std::fprintf(stderr, "usage: framework_host [--workers N] [--repeat R] [--config JSON] [--timing] EVENT_PREFIX...\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned workers = 4;
    std::size_t repeat = 1;
    std::string config;
    bool timing = false;
    std::vector<std::string> prefixes;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--workers" && i + 1 < argc) {
            workers = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
        } else if (a == "--repeat" && i + 1 < argc) {
            repeat = std::strtoul(argv[++i], nullptr, 10);
        } else if (a == "--config" && i + 1 < argc) {
            config = argv[++i];
        } else if (a == "--timing") {
            timing = true;
        } else if (a.rfind("--", 0) == 0) {
            return usage();
        } else {
            prefixes.push_back(a);
        }
    }
    if (workers == 0 || repeat == 0 || prefixes.empty()) return usage();

    try {
        std::vector<host::Event> events;
        for (const std::string& p : prefixes) events.push_back(host::read_event(p));
        const weftcpp::Engine engine(config);  // one engine, shared by every worker

        const std::size_t jobs = events.size() * repeat;
        std::vector<JobResult> results(jobs);
        const auto start = std::chrono::steady_clock::now();
        host::run_jobs(jobs, workers, [&](std::size_t job, unsigned worker) {
            const host::Event& event = events[job % events.size()];
            const auto t0 = std::chrono::steady_clock::now();
            weftcpp::Tracks tracks = engine.reconstruct(event.input());
            JobResult& r = results[job];  // each job writes only its own slot
            r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            r.tracks = tracks.size();
            r.high_pt = high_pt_tracks(tracks);
            r.digest = digest(tracks);
            r.worker = worker;
        });
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

        int status = 0;
        for (std::size_t job = 0; job < jobs; ++job) {
            const host::Event& event = events[job % events.size()];
            const JobResult& r = results[job];
            std::printf("job %zu event %" PRId64 " hits %zu tracks %zu pt_above_1gev %zu digest %016" PRIx64 "\n", job,
                        event.id, event.hit_id.size(), r.tracks, r.high_pt, r.digest);
            const JobResult& first = results[job % events.size()];
            if (r.digest != first.digest || r.tracks != first.tracks) {
                std::fprintf(stderr, "job %zu: event %" PRId64 " gave different tracks than job %zu\n", job, event.id,
                             job % events.size());
                status = 1;
            }
            if (timing) std::fprintf(stderr, "job %zu worker %u %.4f s\n", job, r.worker, r.seconds);
        }
        if (timing) {
            std::fprintf(stderr, "%zu jobs on %u workers in %.3f s: %.2f events/s\n", jobs, workers, wall, jobs / wall);
        }
        return status;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "framework_host: %s\n", e.what());
        return 1;
    }
}
