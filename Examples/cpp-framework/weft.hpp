// weft.hpp — a thin C++17 layer over the Weft C API (weft.h) as a framework would write it:
// RAII owners for the engine and the tracks, and C status codes turned into exceptions.
#pragma once

#include <weft.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace weftcpp {

/// A failed Weft call: the status code and the library's thread-local message.
class Error : public std::runtime_error {
public:
    Error(int status, const std::string& what)
        : std::runtime_error(what + ": " + weft_last_error() + " (" + weft_status_name(status) + ")"), status_(status) {}
    int status() const noexcept { return status_; }

private:
    int status_;
};

/// Throws Error unless `status` is WEFT_OK.
inline void check(int status, const char* what) {
    if (status != WEFT_OK) throw Error(status, what);
}

/// The reconstructed tracks of one event (owns a weft_tracks).
class Tracks {
public:
    explicit Tracks(weft_tracks* tracks) : tracks_(tracks, &weft_tracks_free) {}

    std::size_t size() const noexcept { return weft_tracks_count(tracks_.get()); }

    /// The hit rows of track `t`.
    std::pair<const std::int32_t*, std::size_t> hits(std::size_t t) const {
        const std::int32_t* indices = nullptr;
        std::size_t count = 0;
        check(weft_tracks_hits(tracks_.get(), t, &indices, &count), "weft_tracks_hits");
        return {indices, count};
    }

    /// All hit rows and the compressed-row offsets (size() + 1 entries).
    void arrays(const std::int32_t*& indices, const std::int32_t*& offsets, std::size_t& total) const {
        check(weft_tracks_arrays(tracks_.get(), &indices, &offsets, &total), "weft_tracks_arrays");
    }

    /// The fitted parameters of track `t`, or false when the method fits none.
    bool parameters(std::size_t t, weft_track_parameters& out) const {
        int status = weft_tracks_parameters(tracks_.get(), t, &out);
        if (status == WEFT_ERROR_NOT_AVAILABLE) return false;
        check(status, "weft_tracks_parameters");
        return true;
    }

    /// Stage names and wall times in seconds.
    std::vector<std::pair<std::string, double>> stages() const {
        std::vector<std::pair<std::string, double>> out;
        for (std::size_t s = 0; s < weft_tracks_stage_count(tracks_.get()); ++s) {
            const char* name = nullptr;
            double seconds = 0;
            check(weft_tracks_stage(tracks_.get(), s, &name, &seconds), "weft_tracks_stage");
            out.emplace_back(name, seconds);
        }
        return out;
    }

private:
    std::unique_ptr<weft_tracks, void (*)(weft_tracks*)> tracks_;
};

/// A configured engine (owns a weft_engine). Immutable: share one between all worker threads.
class Engine {
public:
    explicit Engine(const std::string& config_json) : engine_(nullptr, &weft_engine_free) {
        weft_engine* engine = nullptr;
        check(weft_engine_create(config_json.empty() ? nullptr : config_json.c_str(), &engine), "weft_engine_create");
        engine_.reset(engine);
    }

    /// Reconstructs one event; safe to call from many threads at once.
    Tracks reconstruct(const weft_hit_input& hits) const {
        weft_tracks* tracks = nullptr;
        check(weft_reconstruct(engine_.get(), &hits, &tracks), "weft_reconstruct");
        return Tracks(tracks);
    }

    /// The effective configuration as JSON.
    std::string config() const { return weft_engine_config(engine_.get()); }

private:
    std::unique_ptr<weft_engine, void (*)(weft_engine*)> engine_;
};

}  // namespace weftcpp
